import { appDb } from '$lib/server/db';
import { apiCaller } from '$lib/server/data/api-context';
import { apiHandler, apiJson } from '$lib/server/data/api-http';
import { listSurveys } from '$lib/server/data/api-operations';
import type { RequestHandler } from './$types';

/** The surveys the token's user owns or has been shared. */
export const GET: RequestHandler = apiHandler(async ({ request }) => {
	const caller = await apiCaller(request, 'read');
	return apiJson({ data: await listSurveys(appDb(), caller) });
});
