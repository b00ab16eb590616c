// Editing one contact on its page: the import's rules per field, identities unique across contacts,
// opt-out state untouched; one transaction with its audit entry (naming the contact id only).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { recordAudit } from '../repo/audit';
import { findContact, findContactsByIdentity, markContactOptedOut, optedOutHashes, updateContactFields } from '../repo/contacts';
import { checkContactForm, type ContactForm, type FieldErrors } from '../../csv/contact-fields';
import { auditActor, requireContactsRole, type ContactActor } from './access';
import { emailHasher } from './opt-out';

type Db = Kysely<Database>;

export type UpdateContactResult = { ok: true } | { ok: false; reason: 'notFound' } | { ok: false; reason: 'invalid'; errors: FieldErrors };

/** Saves the contact's fields; an address that opted out before makes the contact opted out too. */
export async function updateContact(db: Db, actor: ContactActor, contactId: string, form: ContactForm, now = Date.now()): Promise<UpdateContactResult> {
	requireContactsRole(actor);
	const hash = await emailHasher(db);
	return db.transaction().execute(async (trx) => {
		const contact = await findContact(trx, contactId);
		if (!contact) return { ok: false, reason: 'notFound' } as const;
		const checked = checkContactForm(form);
		if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors } as const;
		const { values } = checked;
		const others = (await findContactsByIdentity(trx, values.externalId ? [values.externalId] : [], values.email ? [values.email] : [])).filter((c) => c.id !== contact.id);
		const errors: FieldErrors = {};
		if (others.some((c) => values.externalId !== null && c.externalId === values.externalId)) errors.externalId = 'contacts.field.externalIdTaken';
		if (others.some((c) => values.email !== null && c.email === values.email)) errors.email = 'contacts.import.emailTaken';
		if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors } as const;
		await updateContactFields(trx, contact.id, values, now);
		if (values.email && (await optedOutHashes(trx, [hash(values.email)])).size) await markContactOptedOut(trx, contact.id, now);
		await recordAudit(trx, { action: 'contact.updated', actor: auditActor(actor), target: contact.id }, now);
		return { ok: true } as const;
	});
}
