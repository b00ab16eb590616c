import { appDb } from '$lib/server/db';
import { buildSurveyReport } from '$lib/server/analysis/report';
import { reportCsv } from '$lib/server/analysis/report-csv';
import { ApiError } from '$lib/server/auth/api-tokens';
import { apiSurveyRequest } from '$lib/server/data/api-context';
import { apiHandler, apiJson } from '$lib/server/data/api-http';
import { csvDownload } from '$lib/server/data/export-service';
import { catalogs } from '$lib/i18n/catalogs';
import { translate } from '$lib/i18n/translate';
import { parseReportFilters } from '$lib/stats/report/filters';
import type { RequestHandler } from './$types';

/** The survey's report for the filters of the report page (?from=&to=&ch=&unit=&seg=); ?format=csv for a spreadsheet, ?lang= for its texts. */
export const GET: RequestHandler = apiHandler(async ({ request, params, url }) => {
	const { survey } = await apiSurveyRequest(request, params.id, 'read', 'view');
	const report = await buildSurveyReport(appDb(), survey.id, parseReportFilters(url.searchParams), { messages: catalogs });
	if (!report) throw new ApiError(404, 'not_found', 'No such survey.');
	if (url.searchParams.get('format') === 'csv') {
		const locale = url.searchParams.get('lang') === 'zh-CN' ? 'zh-CN' : 'en';
		const text = reportCsv(report.model, report.findings, locale, (key, p) => translate(catalogs[locale], key, p));
		return csvDownload(new Blob([text]).stream(), `${survey.code}-report.csv`);
	}
	return apiJson({ data: report });
});
