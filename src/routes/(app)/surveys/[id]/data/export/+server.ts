import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { csvDownload, responseCsvChunks, textStream } from '$lib/server/data/export-service';
import { recordAudit } from '$lib/server/repo/audit';
import { exportOptionsFrom } from '$lib/csv/response-export';
import { browserEndpoint } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/** The export form's download (a GET form, so it works without JavaScript). */
export const GET: RequestHandler = browserEndpoint(async ({ locals, params, url }) => {
	const { user, survey } = await requireSurvey(locals, params.id, 'edit', url);
	const options = exportOptionsFrom(url.searchParams, survey.settings.defaultLanguage);
	await recordAudit(appDb(), { action: 'data.export', actor: user, target: survey.code, detail: { via: 'web', values: options.values, coding: options.coding } });
	return csvDownload(textStream(responseCsvChunks(appDb(), survey, options)), `${survey.code}-responses.csv`);
});
