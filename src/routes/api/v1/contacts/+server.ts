import { ApiError } from '$lib/server/auth/api-tokens';
import { appDb } from '$lib/server/db';
import { contactsPage, cursorText, parseCursor } from '$lib/server/contacts';
import { apiContactsCaller, contactJson } from '$lib/server/data/api-contacts';
import { apiHandler, apiJson, intParam } from '$lib/server/data/api-http';
import type { RequestHandler } from './$types';

/** Contacts newest first, cursor-paged; ?q= searches, ?attr=key&value=v filters by an attribute. */
export const GET: RequestHandler = apiHandler(async ({ request, url }) => {
	const caller = await apiContactsCaller(request, 'read');
	const limit = intParam(url, 'limit', 100, 1, 1000);
	const after = parseCursor(url.searchParams.get('cursor'));
	if (after === undefined) throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API returned.');
	const key = url.searchParams.get('attr');
	const value = url.searchParams.get('value');
	const page = await contactsPage(appDb(), caller.user, { search: url.searchParams.get('q') ?? undefined, attribute: key && value !== null ? { key, value } : undefined, after, limit });
	return apiJson({ data: page.contacts.map(contactJson), nextCursor: page.next ? cursorText(page.next) : null });
});
