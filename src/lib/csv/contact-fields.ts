/** The contact page's form: the same rules as an imported row, per field. Pure. */
import { MAX_ATTRIBUTE_VALUE, MAX_EXTERNAL_ID, MAX_NAME, normaliseEmail, type ContactLanguage } from './contact-rows';

export interface ContactForm {
	externalId: string;
	name: string;
	email: string;
	language: string;
	attributes: Record<string, string>;
}

export interface CheckedContact {
	externalId: string | null;
	email: string | null;
	name: string;
	language: ContactLanguage | null;
	/** Attributes with a value; an emptied field removes the attribute. */
	attributes: Record<string, string>;
}

export type FieldErrors = Partial<Record<'externalId' | 'name' | 'email' | 'language' | 'form', string>>;

/** The form's values as stored, or a message key per field that is wrong. */
export function checkContactForm(form: ContactForm): { ok: true; values: CheckedContact } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const externalId = form.externalId.trim();
	const name = form.name.trim();
	const emailText = form.email.trim();
	const email = emailText === '' ? null : normaliseEmail(emailText);
	if (externalId.length > MAX_EXTERNAL_ID) errors.externalId = 'contacts.field.tooLong';
	if (name.length > MAX_NAME) errors.name = 'contacts.field.tooLong';
	if (email === undefined) errors.email = 'contacts.import.badEmail';
	if (form.language !== '' && form.language !== 'zh-CN' && form.language !== 'en') errors.language = 'contacts.import.badLanguage';
	if (externalId === '' && emailText === '') errors.form = 'contacts.import.noIdentity';
	const attributes: Record<string, string> = {};
	for (const [key, value] of Object.entries(form.attributes)) if (value.trim() !== '') attributes[key] = value.trim();
	if (Object.values(attributes).some((v) => v.length > MAX_ATTRIBUTE_VALUE)) errors.form = 'contacts.field.attributeTooLong';
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, values: { externalId: externalId || null, email: email ?? null, name, language: (form.language || null) as ContactLanguage | null, attributes } };
}
