import { appDb } from '$lib/server/db';
import { apiSurveyRequest } from '$lib/server/data/api-context';
import { apiHandler, apiJson } from '$lib/server/data/api-http';
import { surveyDetail } from '$lib/server/data/api-operations';
import type { RequestHandler } from './$types';

/** One survey with its settings and current questionnaire. */
export const GET: RequestHandler = apiHandler(async ({ request, params }) => {
	const { survey } = await apiSurveyRequest(request, params.id, 'read', 'view');
	return apiJson({ data: await surveyDetail(appDb(), survey) });
});
