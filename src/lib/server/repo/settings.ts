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
