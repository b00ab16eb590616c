// Account operations: each one that changes something runs in one transaction with its audit entry.
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import { hashToken, randomToken } from '../ids';
import { recordAudit } from '../repo/audit';
import { isUniqueViolation } from '../repo/constraint';
import { consumeReset, findUsableReset, insertPasswordReset } from '../repo/password-resets';
import { deleteUserSessions } from '../repo/sessions';
import { claimSetting } from '../repo/settings';
import {
	countActiveAdmins,
	countUsers,
	findCredentials,
	findUserById,
	insertUser,
	normaliseEmail,
	passwordHashOf,
	updateUser,
	type User
} from '../repo/users';
import { claimLoginAttempt, forgetFailures } from './login-throttle';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './password';

type Db = Kysely<Database>;
type Actor = Pick<User, 'id' | 'email'>;

/** Outcome of an operation users can get wrong; `reason` is a message key. */
export type Outcome<T = void> = { ok: true; value: T } | { ok: false; reason: string; params?: Record<string, number> };

const RESET_LIFETIME = 24 * 60 * 60 * 1000;

/**
 * Creates the first admin; refused once any user exists. Two setups racing on PostgreSQL would both
 * count zero users, so each first claims the one `setup` settings row: the loser waits, then fails.
 */
export async function setupAdmin(
	db: Db,
	input: { email: string; name: string; password: string },
	client: string
): Promise<Outcome<User>> {
	const passwordHash = await hashPassword(input.password);
	return db.transaction().execute(async (trx) => {
		const claimed = await claimSetting(trx, 'setup', new Date().toISOString());
		if (!claimed || (await countUsers(trx)) > 0) return { ok: false, reason: 'setup.alreadyDone' };
		const user = await insertUser(trx, { ...input, passwordHash, role: 'admin' });
		await recordAudit(trx, { action: 'setup', actor: user, target: user.email, client });
		return { ok: true, value: user };
	});
}

/**
 * Checks a login; the failure reason never tells whether the account exists. The attempt is
 * counted before the password is checked, so the check (which holds no lock while it hashes) and
 * its audit entry follow in their own steps.
 */
export async function logIn(db: Db, email: string, password: string, client: string): Promise<Outcome<User>> {
	const claim = await claimLoginAttempt(db, email, client);
	if (!claim.admitted) return { ok: false, reason: 'login.throttled', params: { seconds: claim.seconds } };
	const found = await findCredentials(db, email);
	const valid = found ? await verifyPassword(found.passwordHash, password) : await verifyAgainstNothing(password);
	if (!found || !valid || !found.user.active) {
		await recordAudit(db, { action: 'login.failure', target: normaliseEmail(email), client });
		return { ok: false, reason: 'login.invalid' };
	}
	await db.transaction().execute(async (trx) => {
		await forgetFailures(trx, email, client);
		await recordAudit(trx, { action: 'login.success', actor: found.user, client });
	});
	return { ok: true, value: found.user };
}

export async function createUser(
	db: Db,
	actor: Actor,
	input: { email: string; name: string; password: string; role: Role }
): Promise<Outcome<User>> {
	const passwordHash = await hashPassword(input.password);
	const taken = { ok: false, reason: 'users.emailTaken' } as const;
	try {
		return await db.transaction().execute(async (trx) => {
			if (await findCredentials(trx, input.email)) return taken;
			const user = await insertUser(trx, { ...input, passwordHash });
			await recordAudit(trx, { action: 'user.created', actor, target: user.email, detail: { role: user.role } });
			return { ok: true, value: user };
		});
	} catch (e) {
		// Created by someone else between our check and our insert.
		if (isUniqueViolation(e)) return taken;
		throw e;
	}
}

/** Changes role or active state; refuses to leave the installation without an active admin. */
export async function changeUser(
	db: Db,
	actor: Actor,
	userId: string,
	change: { role: Role } | { active: boolean }
): Promise<Outcome> {
	return db.transaction().execute(async (trx) => {
		const user = await findUserById(trx, userId);
		if (!user) return { ok: false, reason: 'users.notFound' };
		const losesAdmin =
			user.role === 'admin' && user.active && ('role' in change ? change.role !== 'admin' : !change.active);
		if (losesAdmin && (await countActiveAdmins(trx)) <= 1) return { ok: false, reason: 'users.lastAdmin' };
		await updateUser(trx, userId, change);
		if ('role' in change) {
			await recordAudit(trx, { action: 'user.role', actor, target: user.email, detail: { from: user.role, to: change.role } });
		} else {
			if (!change.active) await deleteUserSessions(trx, userId);
			await recordAudit(trx, { action: change.active ? 'user.reactivated' : 'user.deactivated', actor, target: user.email });
		}
		return { ok: true, value: undefined };
	});
}

/** A one-time reset link token for the admin to hand over (valid 24 h; only its hash is stored). */
export async function issuePasswordReset(db: Db, actor: Actor, userId: string): Promise<Outcome<string>> {
	const token = randomToken();
	return db.transaction().execute(async (trx) => {
		const user = await findUserById(trx, userId);
		if (!user) return { ok: false, reason: 'users.notFound' };
		await insertPasswordReset(trx, { tokenHash: hashToken(token), userId, expiresAt: Date.now() + RESET_LIFETIME });
		await recordAudit(trx, { action: 'user.password-reset-issued', actor, target: user.email });
		return { ok: true, value: token };
	});
}

export async function resetTarget(db: Db, token: string): Promise<User | undefined> {
	const userId = await findUsableReset(db, hashToken(token));
	return userId ? findUserById(db, userId) : undefined;
}

/** Sets a new password from a reset link and signs the user out everywhere. */
export async function usePasswordReset(db: Db, token: string, password: string): Promise<Outcome> {
	const passwordHash = await hashPassword(password);
	return db.transaction().execute(async (trx) => {
		const userId = await findUsableReset(trx, hashToken(token));
		if (!userId || !(await consumeReset(trx, hashToken(token)))) return { ok: false, reason: 'reset.invalid' };
		await updateUser(trx, userId, { passwordHash });
		await deleteUserSessions(trx, userId);
		const user = await findUserById(trx, userId);
		await recordAudit(trx, { action: 'user.password-reset-used', actor: user, target: user?.email });
		return { ok: true, value: undefined };
	});
}

/** Changes one's own password after checking the current one; other sessions end. */
export async function changeOwnPassword(
	db: Db,
	user: User,
	current: string,
	next: string,
	keepSessionId: string
): Promise<Outcome> {
	const hash = await passwordHashOf(db, user.id);
	if (!hash || !(await verifyPassword(hash, current))) return { ok: false, reason: 'account.currentPasswordWrong' };
	const passwordHash = await hashPassword(next);
	await db.transaction().execute(async (trx) => {
		await updateUser(trx, user.id, { passwordHash });
		await deleteUserSessions(trx, user.id, keepSessionId);
		await recordAudit(trx, { action: 'user.password-changed', actor: user, target: user.email });
	});
	return { ok: true, value: undefined };
}
