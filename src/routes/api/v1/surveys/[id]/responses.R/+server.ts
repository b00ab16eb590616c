import { appDb } from '$lib/server/db';
import { analystFile } from '$lib/server/data/analyst-files';
import { apiSurveyRequest } from '$lib/server/data/api-context';
import { apiHandler } from '$lib/server/data/api-http';
import { csvDownload } from '$lib/server/data/export-service';
import { exportOptionsFrom } from '$lib/csv/response-export';
import type { RequestHandler } from './$types';

/** The R script that reads responses.csv exported as codes with the same ?coding, ?metadata and ?lang. */
export const GET: RequestHandler = apiHandler(async ({ request, params, url }) => {
	const { survey } = await apiSurveyRequest(request, params.id, 'read', 'view');
	const file = await analystFile(appDb(), survey, exportOptionsFrom(url.searchParams, survey.settings.defaultLanguage), 'R');
	return csvDownload(file.text, file.fileName, 'text/plain');
});
