import { appDb } from '$lib/server/db';
import { apiSurveyRequest } from '$lib/server/data/api-context';
import { apiHandler, apiJson, apiLocale, decodeCursor, encodeCursor, intParam, jsonBody } from '$lib/server/data/api-http';
import { createResponse, listResponses, responseJson } from '$lib/server/data/api-operations';
import type { RequestHandler } from './$types';

/** Responses in submission order, a page at a time: ?limit=1…1000 (100), ?cursor= from the previous page. */
export const GET: RequestHandler = apiHandler(async ({ request, params, url }) => {
	const { survey } = await apiSurveyRequest(request, params.id, 'read', 'view');
	const limit = intParam(url, 'limit', 100, 1, 1000);
	const { responses, next } = await listResponses(appDb(), survey.id, decodeCursor(url.searchParams.get('cursor')), limit);
	return apiJson({ data: responses.map(responseJson), nextCursor: next ? encodeCursor(next) : null });
});

/** A server-to-server submission, validated and stored as the questionnaire's own; problems in the Accept-Language. */
export const POST: RequestHandler = apiHandler(async ({ request, params }) => {
	const { survey } = await apiSurveyRequest(request, params.id, 'read-write', 'edit');
	const body = await jsonBody(request);
	return apiJson({ data: await createResponse(appDb(), survey, body, apiLocale(request)) }, 201);
});
