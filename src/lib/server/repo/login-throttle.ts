import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { KeyState } from '../auth/throttle-policy';

type Db = Kysely<Database>;

const toState = (row: { failures: number; blocked_until: number; refused: number }): KeyState => ({
	failures: Number(row.failures),
	blockedUntil: Number(row.blocked_until),
	refused: Number(row.refused)
});

/**
 * Reads a key's state and holds its row until the transaction ends (one upsert: PostgreSQL locks
 * the row, SQLite the file), creating it at zero. With `countIfBlocked`, an attempt that arrives
 * while the key is blocked is counted as refused by the same statement; the state returned
 * includes it.
 */
export async function holdKey(db: Db, key: string, now: number, countIfBlocked: boolean): Promise<KeyState> {
	const row = await db
		.insertInto('login_throttle')
		.values({ key, failures: 0, blocked_until: 0, updated_at: now, refused: 0 })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet((eb) => ({
				updated_at: now,
				...(countIfBlocked && {
					refused: eb
						.case()
						.when('login_throttle.blocked_until', '>', now)
						.then(eb('login_throttle.refused', '+', 1))
						.else(eb.ref('login_throttle.refused'))
						.end()
				})
			}))
		)
		.returning(['failures', 'blocked_until', 'refused'])
		.executeTakeFirstOrThrow();
	return toState(row);
}

export async function saveKey(db: Db, key: string, state: KeyState, now: number): Promise<void> {
	await db
		.updateTable('login_throttle')
		.set({ failures: state.failures, blocked_until: state.blockedUntil, refused: state.refused, updated_at: now })
		.where('key', '=', key)
		.execute();
}

/** Deletes a key's record and returns what it held (undefined when there was none). */
export async function forgetKey(db: Db, key: string): Promise<KeyState | undefined> {
	const row = await db.deleteFrom('login_throttle').where('key', '=', key).returning(['failures', 'blocked_until', 'refused']).executeTakeFirst();
	return row && toState(row);
}
