import { appDb } from '$lib/server/db';
import { apiSurveyRequest } from '$lib/server/data/api-context';
import { apiHandler, apiJson, apiLocale, requireMediaType } from '$lib/server/data/api-http';
import { importFailure, mappingParam, streamChunks } from '$lib/server/data/api-operations';
import { importResponses } from '$lib/server/data/import-service';
import type { RequestHandler } from './$types';

/** Imports a CSV body all or nothing (text/csv); ?mapping={"header":"CODE"} maps unknown columns for this import. */
export const POST: RequestHandler = apiHandler(async ({ request, params, url }) => {
	const { caller, survey } = await apiSurveyRequest(request, params.id, 'read-write', 'edit');
	requireMediaType(request, ['text/csv', 'application/octet-stream']);
	const mapping = mappingParam(url);
	const result = await importResponses(appDb(), {
		survey,
		actor: caller.user,
		via: 'api',
		fileName: url.searchParams.get('name') ?? 'api-import.csv',
		source: streamChunks(request.body),
		mapping
	});
	if (!result.ok) throw importFailure(result, apiLocale(request));
	return apiJson({ data: { imported: result.rows, encoding: result.encoding, delimiter: result.delimiter, runId: result.runId } });
});
