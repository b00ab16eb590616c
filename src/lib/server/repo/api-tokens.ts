import type { Kysely } from 'kysely';
import type { Database, TokenScope } from '../db/schema';
import { hashToken, randomToken } from '../ids';
import { toUser, type User } from './users';

type Db = Kysely<Database>;

/** A token as its owner sees it in settings: never the secret or its hash. */
export interface ApiToken {
	id: string;
	name: string;
	scope: TokenScope;
	createdAt: number;
	lastUsedAt: number | null;
	revokedAt: number | null;
}

/** Secrets start with this, so they are recognisable in logs and by secret scanners. */
export const TOKEN_PREFIX = 'sat_';

/** last_used_at is written at most this often per token (ms), not on every request. */
const TOUCH_INTERVAL = 60_000;

/** Creates a token; returns it with its secret, which exists only in this return value. */
export async function insertApiToken(db: Db, input: { userId: string; name: string; scope: TokenScope }, now = Date.now()): Promise<{ token: ApiToken; secret: string }> {
	const secret = TOKEN_PREFIX + randomToken();
	const token: ApiToken = { id: randomToken(), name: input.name, scope: input.scope, createdAt: now, lastUsedAt: null, revokedAt: null };
	await db
		.insertInto('api_tokens')
		.values({ id: token.id, user_id: input.userId, name: input.name, token_hash: hashToken(secret), scope: input.scope, created_at: now, last_used_at: null, revoked_at: null })
		.execute();
	return { token, secret };
}

/** The user's tokens, newest first, revoked ones included. */
export async function listApiTokens(db: Db, userId: string): Promise<ApiToken[]> {
	const rows = await db
		.selectFrom('api_tokens')
		.select(['id', 'name', 'scope', 'created_at', 'last_used_at', 'revoked_at'])
		.where('user_id', '=', userId)
		.orderBy('created_at', 'desc')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		scope: r.scope,
		createdAt: Number(r.created_at),
		lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
		revokedAt: r.revoked_at === null ? null : Number(r.revoked_at)
	}));
}

/** Revokes one of the user's own live tokens; returns its name, or undefined when there was none to revoke. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string, now = Date.now()): Promise<string | undefined> {
	const row = await db
		.updateTable('api_tokens')
		.set({ revoked_at: now })
		.where('id', '=', tokenId)
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.returning('name')
		.executeTakeFirst();
	return row?.name;
}

/** The live token with this secret and its active owner, or undefined (unknown, revoked, or owner deactivated). */
export async function findTokenBySecret(db: Db, secret: string): Promise<{ token: ApiToken; user: User } | undefined> {
	const row = await db
		.selectFrom('api_tokens')
		.innerJoin('users', 'users.id', 'api_tokens.user_id')
		.select(['api_tokens.id as token_id', 'api_tokens.name as token_name', 'scope', 'api_tokens.created_at as token_created_at', 'last_used_at', 'revoked_at'])
		.select(['users.id', 'email', 'users.name', 'role', 'active', 'locale', 'users.created_at'])
		.where('token_hash', '=', hashToken(secret))
		.where('revoked_at', 'is', null)
		.where('active', '=', 1)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		token: {
			id: row.token_id,
			name: row.token_name,
			scope: row.scope,
			createdAt: Number(row.token_created_at),
			lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
			revokedAt: null
		},
		user: toUser(row)
	};
}

/** Records a use of the token (coarsely: at most once a minute). */
export async function touchApiToken(db: Db, token: ApiToken, now = Date.now()): Promise<void> {
	if (token.lastUsedAt !== null && now - token.lastUsedAt < TOUCH_INTERVAL) return;
	await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', token.id).execute();
}
