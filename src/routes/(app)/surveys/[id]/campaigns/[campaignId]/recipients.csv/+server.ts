import { error } from '@sveltejs/kit';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { campaignCsv, campaignReport } from '$lib/server/campaigns';
import { appDb } from '$lib/server/db';
import { browserEndpoint } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/** Each recipient of the campaign with their state, reason, started and completed, as a CSV download. */
export const GET: RequestHandler = browserEndpoint(async ({ locals, params, url }) => {
	const { user, survey } = await requireSurvey(locals, params.id, 'edit', url);
	const report = await campaignReport(appDb(), user, params.campaignId);
	if (!report || report.survey.id !== survey.id) error(404, { message: 'errors.notFound' });
	const name = `campaign-${survey.code}-${report.campaign.name.replace(/[^\w-]+/g, '_')}.csv`;
	return new Response(campaignCsv(report, survey.settings.timeZone), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' }
	});
});
