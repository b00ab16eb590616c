import { error } from '@sveltejs/kit';
import { buildSurveyReport } from '$lib/server/analysis/report';
import { reportCsv } from '$lib/server/analysis/report-csv';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { catalogs } from '$lib/i18n/catalogs';
import { translate } from '$lib/i18n/translate';
import { parseReportFilters } from '$lib/stats/report/filters';
import { browserEndpoint } from '$lib/server/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = browserEndpoint(async ({ locals, params, url }) => {
	const { survey } = await requireSurvey(locals, params.id, 'view', url);
	const report = await buildSurveyReport(appDb(), params.id, parseReportFilters(url.searchParams), { messages: catalogs });
	if (!report) error(404, { message: 'errors.notFound' });
	const messages = catalogs[locals.locale];
	const body = reportCsv(report.model, report.findings, locals.locale, (key, p) => translate(messages, key, p));
	return new Response(body, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="report-${survey.code}.csv"` }
	});
});
