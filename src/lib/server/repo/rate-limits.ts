import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export interface WindowHit {
	key: string;
	windowMs: number;
}

/**
 * Counts one hit against `key` in the fixed window of `windowMs` that holds `now` and returns the
 * hits so far in that window, this one included (safe across processes sharing the database).
 */
export async function hitWindow(db: Db, key: string, windowMs: number, now = Date.now()): Promise<{ hits: number; windowEnd: number }> {
	return (await hitWindows(db, [{ key, windowMs }], now))[0];
}

/**
 * Counts one hit against each key in its fixed window (of `windowMs`, holding `now`) and returns
 * the hits so far in each window, this one included. One multi-row upsert — a single atomic
 * statement, so processes sharing a PostgreSQL (or one SQLite file) count together, at the cost
 * of one statement and one commit.
 */
export async function hitWindows(db: Db, hits: WindowHit[], now = Date.now()): Promise<{ hits: number; windowEnd: number }[]> {
	if (hits.length === 0) return [];
	const windows = hits.map(({ key, windowMs }) => ({ key, window_start: now - (now % windowMs), hits: 1 }));
	const rows = await db
		.insertInto('rate_limits')
		.values(windows)
		.onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_limits.hits', '+', 1) })))
		.returning(['key', 'window_start', 'hits'])
		.execute();
	// RETURNING's row order is not promised: match each row back to its key and window.
	return windows.map((w, i) => {
		const row = rows.find((r) => r.key === w.key && Number(r.window_start) === w.window_start);
		if (!row) throw new Error(`rate limit upsert returned no row for ${w.key}`);
		return { hits: Number(row.hits), windowEnd: w.window_start + hits[i].windowMs };
	});
}

/** Deletes windows that ended before `before` (epoch ms); returns how many went. */
export async function pruneWindows(db: Db, before: number): Promise<number> {
	const result = await db.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst();
	return Number(result.numDeletedRows);
}
