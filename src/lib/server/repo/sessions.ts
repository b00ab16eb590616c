import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { toUser, type User } from './users';

type Db = Kysely<Database>;

export interface SessionRow {
	id: string;
	userId: string;
	expiresAt: number;
}

export async function insertSession(db: Db, session: SessionRow, now = Date.now()): Promise<void> {
	await db
		.insertInto('sessions')
		.values({ id: session.id, user_id: session.userId, expires_at: session.expiresAt, created_at: now })
		.execute();
}

/** The session and its (active or not) user, in one query. */
export async function findSessionWithUser(
	db: Db,
	sessionId: string
): Promise<{ session: SessionRow; user: User } | undefined> {
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.select([
			'sessions.id as session_id',
			'sessions.expires_at',
			'users.id',
			'users.email',
			'users.name',
			'users.role',
			'users.active',
			'users.locale',
			'users.created_at'
		])
		.where('sessions.id', '=', sessionId)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		session: { id: row.session_id, userId: row.id, expiresAt: Number(row.expires_at) },
		user: toUser(row)
	};
}

export async function extendSession(db: Db, sessionId: string, expiresAt: number): Promise<void> {
	await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, or every one but `exceptId` (the one in use). */
export async function deleteUserSessions(db: Db, userId: string, exceptId?: string): Promise<void> {
	let query = db.deleteFrom('sessions').where('user_id', '=', userId);
	if (exceptId) query = query.where('id', '!=', exceptId);
	await query.execute();
}
