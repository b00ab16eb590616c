import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

/** Epoch-ms until which any of the keys is blocked (0 when none is). */
export async function blockedUntil(db: Db, keys: string[]): Promise<number> {
	const rows = await db.selectFrom('login_throttle').select('blocked_until').where('key', 'in', keys).execute();
	return Math.max(0, ...rows.map((r) => Number(r.blocked_until)));
}

/**
 * Counts one failure against a key atomically (safe across processes) and blocks it until
 * `blockFor(failures)` ms from now.
 */
export async function recordFailure(
	db: Db,
	key: string,
	blockFor: (failures: number) => number,
	now = Date.now()
): Promise<number> {
	const row = await db
		.insertInto('login_throttle')
		.values({ key, failures: 1, blocked_until: 0, updated_at: now })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet((eb) => ({
				failures: eb('login_throttle.failures', '+', 1),
				updated_at: now
			}))
		)
		.returning('failures')
		.executeTakeFirstOrThrow();
	const failures = Number(row.failures);
	const block = blockFor(failures);
	if (block > 0) {
		await db.updateTable('login_throttle').set({ blocked_until: now + block }).where('key', '=', key).execute();
	}
	return failures;
}

export async function clearFailures(db: Db, keys: string[]): Promise<void> {
	await db.deleteFrom('login_throttle').where('key', 'in', keys).execute();
}
