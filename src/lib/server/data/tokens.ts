// Creating and revoking personal API tokens, each in one transaction with its audit entry.
import type { Kysely } from 'kysely';
import type { Database, TokenScope } from '../db/schema';
import { recordAudit } from '../repo/audit';
import { insertApiToken, revokeApiToken, type ApiToken } from '../repo/api-tokens';
import type { User } from '../repo/users';

type Db = Kysely<Database>;

/** A new token for the user; the secret is returned once and stored only as its hash. */
export function createToken(db: Db, user: User, name: string, scope: TokenScope): Promise<{ token: ApiToken; secret: string }> {
	return db.transaction().execute(async (trx) => {
		const created = await insertApiToken(trx, { userId: user.id, name, scope });
		await recordAudit(trx, { action: 'token.created', actor: user, target: user.email, detail: { name, scope } });
		return created;
	});
}

/** Revokes one of the user's live tokens at once; the token's name, or undefined when there was none. */
export function revokeToken(db: Db, user: User, tokenId: string): Promise<string | undefined> {
	return db.transaction().execute(async (trx) => {
		const name = await revokeApiToken(trx, user.id, tokenId);
		if (name !== undefined) await recordAudit(trx, { action: 'token.revoked', actor: user, target: user.email, detail: { name } });
		return name;
	});
}
