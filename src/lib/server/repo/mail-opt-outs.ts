// Addresses that asked for no more mail. Keyed by the lower-cased address so that an opt-out holds
// for every later message to it, whatever list or survey that message belongs to.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

const normalise = (email: string) => email.trim().toLowerCase();

/** Records the opt-out; true when it is new. */
export async function addOptOut(db: Db, email: string, now = Date.now()): Promise<boolean> {
	const inserted = await db
		.insertInto('mail_opt_outs')
		.values({ email: normalise(email), created_at: now })
		.onConflict((oc) => oc.column('email').doNothing())
		.returning('email')
		.execute();
	return inserted.length === 1;
}

export async function isOptedOut(db: Db, email: string): Promise<boolean> {
	const row = await db.selectFrom('mail_opt_outs').select('email').where('email', '=', normalise(email)).executeTakeFirst();
	return row !== undefined;
}
