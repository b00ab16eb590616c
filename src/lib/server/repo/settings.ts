import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

/** The stored value, or `create()`'s value stored now; concurrent first calls agree on one. */
export async function getOrCreateSetting(db: Db, key: string, create: () => string): Promise<string> {
	await db
		.insertInto('settings')
		.values({ key, value: create() })
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
	const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
	return row.value;
}

/** Stores `key` once: true for the caller that stored it, false if it existed (race-safe on both engines). */
export async function claimSetting(db: Db, key: string, value: string): Promise<boolean> {
	const inserted = await db
		.insertInto('settings')
		.values({ key, value })
		.onConflict((oc) => oc.column('key').doNothing())
		.returning('key')
		.execute();
	return inserted.length === 1;
}
