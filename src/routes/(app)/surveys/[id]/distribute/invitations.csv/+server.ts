import { requireSurvey } from '$lib/server/auth/survey-access';
import { invitationsCsv } from '$lib/server/collection/distribution';
import { appDb } from '$lib/server/db';
import { listInvitations } from '$lib/server/repo/invitations';
import { browserEndpoint } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/** Personal links of one batch (`?batch=`), or of every batch, as a CSV download. */
export const GET: RequestHandler = browserEndpoint(async ({ locals, params, url }) => {
	const { survey } = await requireSurvey(locals, params.id, 'edit', url);
	const batch = url.searchParams.get('batch') ?? undefined;
	const invitations = await listInvitations(appDb(), survey.id, batch);
	const name = `invitations-${survey.code}${batch ? `-${batch.replace(/[^\w-]+/g, '_')}` : ''}.csv`;
	return new Response(invitationsCsv(url.origin, survey, invitations), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
});
