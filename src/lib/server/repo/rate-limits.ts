import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export interface WindowHit {
	key: string;
	windowMs: number;
}

/** One atomic upsert-increment of a key's fixed window; returns the hits so far in it. */
async function bump(db: Db, key: string, windowMs: number, now: number): Promise<{ hits: number; windowEnd: number }> {
	const windowStart = now - (now % windowMs);
	const row = await db
		.insertInto('rate_limits')
		.values({ key, window_start: windowStart, hits: 1 })
		.onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_limits.hits', '+', 1) })))
		.returning('hits')
		.executeTakeFirstOrThrow();
	return { hits: Number(row.hits), windowEnd: windowStart + windowMs };
}

/**
 * Counts one hit against `key` in the fixed window of `windowMs` that holds `now` and returns the
 * hits so far in that window, this one included (safe across processes sharing the database).
 */
export function hitWindow(db: Db, key: string, windowMs: number, now = Date.now()): Promise<{ hits: number; windowEnd: number }> {
	return bump(db, key, windowMs, now);
}

/**
 * Counts one hit against each key in its fixed window (of `windowMs`, holding `now`) and returns
 * the hits so far in each window, this one included. Atomic upserts in one transaction, so
 * processes sharing a PostgreSQL (or one SQLite file) count together, at the cost of one commit.
 */
export async function hitWindows(db: Db, hits: WindowHit[], now = Date.now()): Promise<{ hits: number; windowEnd: number }[]> {
	return db.transaction().execute(async (trx) => {
		const counted: { hits: number; windowEnd: number }[] = [];
		for (const { key, windowMs } of hits) counted.push(await bump(trx, key, windowMs, now));
		return counted;
	});
}

/** Deletes windows that ended before `before` (epoch ms); returns how many went. */
export async function pruneWindows(db: Db, before: number): Promise<number> {
	const result = await db.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst();
	return Number(result.numDeletedRows);
}
