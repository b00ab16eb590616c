import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { preparedQuery } from './prepared';

type Db = Kysely<Database>;

export interface WindowHit {
	key: string;
	windowMs: number;
}

export interface WindowCount {
	/** Hits so far in the window, this one included. */
	hits: number;
	windowEnd: number;
}

const addToWindow = preparedQuery(['key', 'windowStart', 'hits'], (db, { key, windowStart, hits }: { key: string; windowStart: number; hits: number }) =>
	db
		.insertInto('rate_limits')
		.values({ key, window_start: windowStart, hits })
		.onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_limits.hits', '+', eb.ref('excluded.hits')) })))
		.returning('hits')
);

/**
 * Counts one hit per entry against its key in the fixed window of `windowMs` that holds `now`, and
 * returns each entry's running count: entries sharing a key get consecutive counts. One atomic
 * upsert per distinct key, taken in sorted order so that concurrent transactions on PostgreSQL lock
 * the rows in one order. Processes sharing a PostgreSQL (or one SQLite file) count together.
 * Run it inside a transaction when several keys must count together; `compileOn` is the root database.
 */
export async function addHits(compileOn: Db, runOn: Db, hits: readonly WindowHit[], now = Date.now()): Promise<WindowCount[]> {
	const windows = new Map<string, { key: string; windowStart: number; hits: number; total: number }>();
	const entries = hits.map(({ key, windowMs }) => {
		const windowStart = now - (now % windowMs);
		const id = `${windowStart}:${key}`;
		const window = windows.get(id) ?? { key, windowStart, hits: 0, total: 0 };
		windows.set(id, window);
		window.hits += 1;
		return { window, ordinal: window.hits, windowEnd: windowStart + windowMs };
	});
	for (const window of [...windows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.windowStart - b.windowStart))) {
		const { rows } = await addToWindow(compileOn, runOn, window);
		window.total = Number(rows[0].hits);
	}
	return entries.map(({ window, ordinal, windowEnd }) => ({ hits: window.total - window.hits + ordinal, windowEnd }));
}

/** addHits in a transaction of its own (none needed for a single key: one upsert is atomic). */
export async function hitWindows(db: Db, hits: readonly WindowHit[], now = Date.now()): Promise<WindowCount[]> {
	if (hits.length <= 1) return addHits(db, db, hits, now);
	return db.transaction().execute((trx) => addHits(db, trx, hits, now));
}

/** Counts one hit against `key` in its window; see addHits. */
export async function hitWindow(db: Db, key: string, windowMs: number, now = Date.now()): Promise<WindowCount> {
	return (await hitWindows(db, [{ key, windowMs }], now))[0];
}

/** Deletes windows that ended before `before` (epoch ms); returns how many went. */
export async function pruneWindows(db: Db, before: number): Promise<number> {
	const result = await db.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst();
	return Number(result.numDeletedRows);
}
