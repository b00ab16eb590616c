import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export async function insertPasswordReset(
	db: Db,
	reset: { tokenHash: string; userId: string; expiresAt: number },
	now = Date.now()
): Promise<void> {
	await db
		.insertInto('password_resets')
		.values({ id: reset.tokenHash, user_id: reset.userId, expires_at: reset.expiresAt, used_at: null, created_at: now })
		.execute();
}

/** The user a reset link is for, while the link is unused and unexpired. */
export async function findUsableReset(db: Db, tokenHash: string, now = Date.now()): Promise<string | undefined> {
	const row = await db
		.selectFrom('password_resets')
		.select('user_id')
		.where('id', '=', tokenHash)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return row?.user_id;
}

/** Marks the link used; false when another request used it first (a link works once). */
export async function consumeReset(db: Db, tokenHash: string, now = Date.now()): Promise<boolean> {
	const result = await db
		.updateTable('password_resets')
		.set({ used_at: now })
		.where('id', '=', tokenHash)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
