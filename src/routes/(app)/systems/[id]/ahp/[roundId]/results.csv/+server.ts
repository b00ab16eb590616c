import * as v from 'valibot';
import { requireAhpRound } from '$lib/server/ahp/access';
import { loadResults } from '$lib/server/ahp/rounds';
import { appDb } from '$lib/server/db';
import { CR_THRESHOLD } from '$lib/stats/weights/ahp-round';
import { resultsCsv } from '$lib/stats/weights/ahp-export';
import { browserEndpoint } from '$lib/server/errors';
import type { RequestHandler } from './$types';

const modeSchema = v.fallback(v.picklist(['aij', 'aip']), 'aij');

/** Every expert's and the group's results (AIJ by default, `?mode=aip`) as CSV. */
export const GET: RequestHandler = browserEndpoint(async ({ locals, params, url }) => {
	const { round } = await requireAhpRound(locals, params.id, params.roundId, url);
	const mode = v.parse(modeSchema, url.searchParams.get('mode'));
	const { nodes, results } = await loadResults(appDb(), round, mode, CR_THRESHOLD);
	return new Response(resultsCsv(results, nodes), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="ahp-${round.id}-results-${mode}.csv"` }
	});
});
