import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { recordAudit } from '../repo/audit';
import { retryJobs } from '../repo/jobs';
import { wakeAppWorker } from './wake';

/** Queues failed or dead jobs again now with fresh attempts, audited (page and command line); returns how many. */
export async function retryFailedJobs(db: Kysely<Database>, actor: { id: string; email: string } | null, filter: { ids?: string[]; kind?: string }): Promise<number> {
	const retried = await db.transaction().execute(async (trx) => {
		const count = await retryJobs(trx, filter);
		if (count > 0) await recordAudit(trx, { action: 'jobs.retried', actor, target: filter.ids?.join(' ') ?? filter.kind ?? null, detail: { count } });
		return count;
	});
	wakeAppWorker();
	return retried;
}
