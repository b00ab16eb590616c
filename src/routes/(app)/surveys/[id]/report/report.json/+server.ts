import { catalogs } from '$lib/i18n/catalogs';
import { error, json } from '@sveltejs/kit';
import { buildSurveyReport } from '$lib/server/analysis/report';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { parseReportFilters } from '$lib/stats/report/filters';
import { browserEndpoint } from '$lib/server/errors';
import type { RequestHandler } from './$types';

// The same model the report page renders (also what /api/v1/surveys/{id}/report serves).
export const GET: RequestHandler = browserEndpoint(async ({ locals, params, url }) => {
	const { survey } = await requireSurvey(locals, params.id, 'view', url);
	const report = await buildSurveyReport(appDb(), params.id, parseReportFilters(url.searchParams), { messages: catalogs });
	if (!report) error(404, { message: 'errors.notFound' });
	return json(report, { headers: { 'content-disposition': `attachment; filename="report-${survey.code}.json"` } });
});
