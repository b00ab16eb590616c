// The /api/v1/contacts routes' shared steps: a caller who may manage contacts (admins and
// researchers; a viewer's token gets 403), a contact as JSON, and an import's failure as 422.
import { ApiError, type ApiCaller } from '../auth/api-tokens';
import { canManageContacts, type ContactImportResult } from '../contacts';
import type { Contact } from '../repo/contacts';
import { isContactTarget, type ContactMapping } from '../../csv/contact-rows';
import type { Locale } from '../../i18n/locales';
import { apiCaller } from './api-context';
import { iso } from './api-http';
import { mappingParam, problemDetails } from './api-operations';

/** The caller of a contacts route, refused unless their role may see personal data. */
export async function apiContactsCaller(request: Request, need: 'read' | 'read-write'): Promise<ApiCaller> {
	const caller = await apiCaller(request, need);
	if (!canManageContacts(caller.user)) throw new ApiError(403, 'forbidden', 'Contacts are for admins and researchers only.');
	return caller;
}

export function contactJson(c: Contact) {
	return {
		id: c.id,
		externalId: c.externalId,
		email: c.email,
		name: c.name,
		language: c.language,
		attributes: c.attributes,
		optedOut: c.optedOutAt !== null,
		optedOutAt: iso(c.optedOutAt),
		createdAt: iso(c.createdAt),
		updatedAt: iso(c.updatedAt)
	};
}

/** ?mapping={"Tier":"attr:tier"}: header → externalId, name, email, language, attr:<key> or "" (ignore). */
export function contactMappingParam(url: URL): ContactMapping {
	const mapping = mappingParam(url);
	const wrong = Object.entries(mapping).filter(([, target]) => !isContactTarget(target)).map(([header]) => header);
	if (wrong.length) throw new ApiError(400, 'invalid_parameter', `Unusable targets for ${wrong.join(', ')}: use externalId, name, email, language, attr:<key> (lower-case letters, digits, _) or "".`);
	return mapping;
}

/** A contact import that stored nothing, as the API's 422 answer in the caller's language. */
export function contactImportFailure(outcome: Exclude<ContactImportResult, { ok: true }>, locale: Locale): ApiError {
	if (outcome.kind === 'mapping') {
		return new ApiError(422, 'unknown_columns', `Unknown columns: ${outcome.unknown.join(', ')}. Map them with ?mapping={"header":"attr:key"} ("" ignores).`, { unknown: outcome.unknown, header: outcome.header });
	}
	return new ApiError(422, 'invalid_file', `${outcome.errorCount} problem(s) found; nothing was imported.`, { errorCount: outcome.errorCount, truncated: outcome.truncated, errors: problemDetails(outcome.errors, locale) });
}
