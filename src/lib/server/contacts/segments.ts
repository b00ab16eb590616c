// Which contact attributes are report segments: the workspace's choice (contacts are the
// workspace's, and a research team compares every survey by the same tiers and regions). The
// analysis store keeps cells per value of each marked attribute; its cells record the marked set,
// so a change queues a rebuild of every survey's store (a background job each, rebuild-job.ts), from
// the values responses carried when they were given.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { queueStoreRebuilds } from '../analysis/rebuild-job';
import { wakeAppWorker } from '../jobs/wake';
import { recordAudit } from '../repo/audit';
import { listContactAttributes, setSegmentFlags } from '../repo/contacts';
import { auditActor, requireContactsRole, type ContactActor } from './access';

type Db = Kysely<Database>;

export type MarkSegmentsResult = { ok: true; changed: boolean } | { ok: false; reason: 'unknownAttribute' };

/** Marks exactly these attributes as report segments (the others unmarked), in one transaction with its audit entry and the stores' rebuild jobs. */
export async function markSegmentAttributes(db: Db, actor: ContactActor, keys: readonly string[], now = Date.now()): Promise<MarkSegmentsResult> {
	requireContactsRole(actor);
	const result = await db.transaction().execute(async (trx) => {
		const attributes = await listContactAttributes(trx);
		const wanted = new Set(keys);
		if ([...wanted].some((key) => !attributes.some((a) => a.key === key))) return { ok: false, reason: 'unknownAttribute' } as const;
		const changed = attributes.some((a) => a.segment !== wanted.has(a.key));
		if (!changed) return { ok: true, changed } as const;
		await setSegmentFlags(trx, [...wanted]);
		await recordAudit(trx, { action: 'contacts.segments-marked', actor: auditActor(actor), detail: { segments: [...wanted].sort().join(', ') } }, now);
		await queueStoreRebuilds(trx, now);
		return { ok: true, changed } as const;
	});
	if (result.ok && result.changed) wakeAppWorker();
	return result;
}
