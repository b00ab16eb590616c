import { appDb } from '$lib/server/db';
import { apiSurveyRequest } from '$lib/server/data/api-context';
import { apiHandler } from '$lib/server/data/api-http';
import { csvDownload, responseCsvChunks, textStream } from '$lib/server/data/export-service';
import { exportOptionsFrom } from '$lib/csv/response-export';
import type { RequestHandler } from './$types';

/** Every response as CSV (UTF-8 with BOM), streamed: ?values=codes|labels, ?coding=raw|recoded, ?metadata=a,b, ?lang=. */
export const GET: RequestHandler = apiHandler(async ({ request, params, url }) => {
	const { survey } = await apiSurveyRequest(request, params.id, 'read', 'view');
	const options = exportOptionsFrom(url.searchParams, survey.settings.defaultLanguage);
	return csvDownload(textStream(responseCsvChunks(appDb(), survey, options)), `${survey.code}-responses.csv`);
});
