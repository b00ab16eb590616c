// Rebuilding survey stores off the request: marking contact attributes as report segments queues one
// `analysis.rebuild` job per survey whose store holds cells, in the marking's transaction; the app's
// worker rebuilds each store in one transaction. Until then reports read and fold the store as it
// was built (loadStoreContext), so a newly marked attribute is filtered by a raw scan meanwhile.
// A job that runs again (a retry, or a claim taken over after its worker was killed) finds the
// store either rebuilt and skips, or untouched and rebuilds it: the rebuild commits all or nothing.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { JobHandler } from '../jobs/handler';
import { surveysWithCells } from '../repo/analysis-store';
import { enqueueJob, latestJobBatch } from '../repo/jobs';
import { loadAnalysisContext } from './context';
import { rebuildSurveyStore, storeIsCurrent } from './fold';

type Db = Kysely<Database>;

export const REBUILD_KIND = 'analysis.rebuild';

/** Queues a store rebuild for every survey with stored cells; run in the transaction that changes what the store keeps. */
export async function queueStoreRebuilds(trx: Db, now: number): Promise<number> {
	const surveys = await surveysWithCells(trx);
	for (const surveyId of surveys) await enqueueJob(trx, { kind: REBUILD_KIND, payload: { surveyId } }, now);
	return surveys.length;
}

export function analysisRebuildHandler(db: Db): JobHandler {
	return {
		kind: REBUILD_KIND,
		async run(job) {
			const { surveyId } = job.payload as { surveyId: string };
			const context = await loadAnalysisContext(db, surveyId);
			if (!context) return { state: 'skipped', result: 'surveyGone' };
			if (await storeIsCurrent(db, context)) return { state: 'skipped', result: 'current' };
			return { state: 'done', result: String(await rebuildSurveyStore(db, surveyId)) };
		}
	};
}

/** The latest marking's rebuilds, counted in surveys: finished (rebuilt or already current), waiting or running, given up. */
export interface RebuildProgress {
	total: number;
	finished: number;
	pending: number;
	dead: number;
	lastError: string | null;
}

/** Progress of the rebuilds queued last; null when none were ever queued. */
export async function storeRebuildProgress(db: Db): Promise<RebuildProgress | null> {
	const batch = await latestJobBatch(db, REBUILD_KIND);
	if (!batch) return null;
	const n = (state: keyof typeof batch.states) => batch.states[state] ?? 0;
	const finished = n('done') + n('skipped');
	const [pending, dead] = [n('queued') + n('running') + n('failed'), n('dead')];
	return { total: finished + pending + dead, finished, pending, dead, lastError: batch.lastError };
}
