import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

/**
 * Counts one hit against `key` in the fixed window of `windowMs` that holds `now` and returns the
 * hits so far in that window, this one included. One atomic upsert, so processes sharing a
 * PostgreSQL (or one SQLite file) count together.
 */
export async function hitWindow(db: Db, key: string, windowMs: number, now = Date.now()): Promise<{ hits: number; windowEnd: number }> {
	const windowStart = now - (now % windowMs);
	const row = await db
		.insertInto('rate_limits')
		.values({ key, window_start: windowStart, hits: 1 })
		.onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_limits.hits', '+', 1) })))
		.returning('hits')
		.executeTakeFirstOrThrow();
	return { hits: Number(row.hits), windowEnd: windowStart + windowMs };
}

/** Deletes windows that ended before `before` (epoch ms); returns how many went. */
export async function pruneWindows(db: Db, before: number): Promise<number> {
	const result = await db.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst();
	return Number(result.numDeletedRows);
}
