import { error } from '@sveltejs/kit';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { csvDownload, errorReportChunks, textStream } from '$lib/server/data/export-service';
import { findImportRun } from '$lib/server/repo/imports';
import { catalogs } from '$lib/i18n/catalogs';
import { translate } from '$lib/i18n/translate';
import { browserEndpoint } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/** A failed import's problems as CSV, in the reader's language. */
export const GET: RequestHandler = browserEndpoint(async ({ locals, params, url }) => {
	const { survey } = await requireSurvey(locals, params.id, 'edit', url);
	const run = await findImportRun(appDb(), survey.id, params.runId);
	if (!run) error(404, { message: 'errors.notFound' });
	const catalog = catalogs[locals.locale];
	const t = (key: string, p?: Record<string, string | number>) => translate(catalog, key, p);
	const headings: [string, string, string, string] = [t('data.report.row'), t('data.report.column'), t('data.report.value'), t('data.report.reason')];
	return csvDownload(textStream(errorReportChunks(run.errors, headings, t)), `${survey.code}-import-problems.csv`);
});
