import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { analystFile, analystFormatFrom } from '$lib/server/data/analyst-files';
import { csvDownload, responseCsvChunks, responsesFileName, textStream } from '$lib/server/data/export-service';
import { recordAudit } from '$lib/server/repo/audit';
import { exportOptionsFrom } from '$lib/csv/response-export';
import { browserEndpoint } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/** The export form's download (a GET form, so it works without JavaScript): the CSV, or with format=sps|R the file that reads it. */
export const GET: RequestHandler = browserEndpoint(async ({ locals, params, url }) => {
	const { user, survey } = await requireSurvey(locals, params.id, 'edit', url);
	const options = exportOptionsFrom(url.searchParams, survey.settings.defaultLanguage);
	const format = analystFormatFrom(url.searchParams.get('format'));
	await recordAudit(appDb(), { action: 'data.export', actor: user, target: survey.code, detail: { via: 'web', values: options.values, coding: options.coding, ...(format ? { format } : {}) } });
	if (!format) return csvDownload(textStream(responseCsvChunks(appDb(), survey, options)), responsesFileName(survey, 'csv'));
	const file = await analystFile(appDb(), survey, options, format);
	return csvDownload(file.text, file.fileName, 'text/plain');
});
