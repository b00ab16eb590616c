import { appDb } from '$lib/server/db';
import { importContacts } from '$lib/server/contacts';
import { apiContactsCaller, contactImportFailure, contactMappingParam } from '$lib/server/data/api-contacts';
import { apiHandler, apiJson, apiLocale, requireMediaType } from '$lib/server/data/api-http';
import { streamChunks } from '$lib/server/data/api-operations';
import type { RequestHandler } from './$types';

/** Imports a contact CSV body all or nothing (text/csv), updating contacts in place. */
export const POST: RequestHandler = apiHandler(async ({ request, url }) => {
	const caller = await apiContactsCaller(request, 'read-write');
	requireMediaType(request, ['text/csv', 'application/octet-stream']);
	const mapping = contactMappingParam(url);
	const fileName = url.searchParams.get('name')?.slice(0, 200) || 'api-contacts.csv';
	const result = await importContacts(appDb(), { actor: caller.user, via: 'api', fileName, source: streamChunks(request.body), mapping });
	if (!result.ok) throw contactImportFailure(result, apiLocale(request));
	return apiJson({ data: { rows: result.rows, created: result.created, updated: result.updated, encoding: result.encoding, delimiter: result.delimiter } });
});
