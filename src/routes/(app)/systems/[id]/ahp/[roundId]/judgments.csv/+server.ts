import { requireAhpRound } from '$lib/server/ahp/access';
import { loadResults } from '$lib/server/ahp/rounds';
import { appDb } from '$lib/server/db';
import { serverTimeZone } from '$lib/i18n/zoned-format';
import { listJudgments } from '$lib/server/repo/ahp';
import { CR_THRESHOLD } from '$lib/stats/weights/ahp-round';
import { judgmentsCsv } from '$lib/stats/weights/ahp-export';
import { browserEndpoint } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/** Every judgment of the round as CSV. */
export const GET: RequestHandler = browserEndpoint(async ({ locals, params, url }) => {
	const { round } = await requireAhpRound(locals, params.id, params.roundId, url);
	const { nodes, experts } = await loadResults(appDb(), round, 'aij', CR_THRESHOLD);
	const csv = judgmentsCsv(experts, nodes, await listJudgments(appDb(), { roundId: round.id }), serverTimeZone());
	return new Response(csv, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="ahp-${round.id}-judgments.csv"` }
	});
});
