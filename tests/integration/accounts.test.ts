import { beforeEach, describe, expect, it } from 'vitest';
import {
	changeOwnPassword,
	changeUser,
	createUser,
	issuePasswordReset,
	logIn,
	resetTarget,
	setupAdmin,
	usePasswordReset
} from '../../src/lib/server/auth/accounts';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { listAudit } from '../../src/lib/server/repo/audit';
import { isUniqueViolation } from '../../src/lib/server/repo/constraint';
import { countUsers, findCredentials, insertUser } from '../../src/lib/server/repo/users';
import { engines, useTestDb } from './databases';

const password = 'correct horse battery';

describe.each(engines)('accounts on %s', (engine) => {
	const t = useTestDb(engine);
	beforeEach(() => {
		expect.hasAssertions();
	});

	it('sets up the first admin once, even when two setups race', async () => {
		const results = await Promise.all([
			setupAdmin(t.db, { email: 'Admin@Example.com ', name: 'Ada', password }, 'c1'),
			setupAdmin(t.db, { email: 'other@example.com', name: 'Bob', password }, 'c2')
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.find((r) => !r.ok)).toMatchObject({ reason: 'setup.alreadyDone' });
		expect(await countUsers(t.db)).toBe(1);
		const winner = results.find((r) => r.ok);
		expect(winner?.ok && winner.value.role).toBe('admin');
	});

	it('logs in with the right password, case-insensitive email, and says nothing about which part was wrong', async () => {
		const admin = (await findCredentials(t.db, 'admin@example.com')) ?? (await findCredentials(t.db, 'other@example.com'));
		const email = admin!.user.email;
		expect(await logIn(t.db, email.toUpperCase(), password, 'c3')).toMatchObject({ ok: true });
		const wrongPassword = await logIn(t.db, email, 'nope nope nope', 'c3');
		const unknownUser = await logIn(t.db, 'nobody@example.com', password, 'c3');
		expect(wrongPassword).toEqual(unknownUser);
		expect(wrongPassword).toMatchObject({ ok: false, reason: 'login.invalid' });
	});

	it('slows an account down after five failures, for every client that has failed', async () => {
		const victim = await createUser(t.db, { id: 'x', email: 'sys' }, { email: 'victim@example.com', name: 'V', password, role: 'viewer' });
		expect(victim.ok).toBe(true);
		for (let i = 0; i < 5; i++) {
			expect(await logIn(t.db, 'victim@example.com', 'wrong password', `client-${i}`)).toMatchObject({ reason: 'login.invalid' });
		}
		const blocked = await logIn(t.db, 'victim@example.com', password, 'client-1');
		expect(blocked).toMatchObject({ ok: false, reason: 'login.throttled' });
		expect(!blocked.ok && blocked.params?.seconds).toBeGreaterThanOrEqual(29);
	});

	it('throttles a client that guesses across many accounts', async () => {
		for (let i = 0; i < 5; i++) await logIn(t.db, `guess${i}@example.com`, 'x', 'guesser');
		expect(await logIn(t.db, 'guess9@example.com', 'x', 'guesser')).toMatchObject({ reason: 'login.throttled' });
	});

	it('refuses a duplicate email and keeps the installation with one active admin', async () => {
		const actor = { id: 'x', email: 'sys' };
		const dup = await createUser(t.db, actor, { email: 'VICTIM@example.com', name: 'Dup', password, role: 'viewer' });
		expect(dup).toMatchObject({ ok: false, reason: 'users.emailTaken' });
		const admins = await t.db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
		expect(admins).toHaveLength(1);
		expect(await changeUser(t.db, actor, admins[0].id, { active: false })).toMatchObject({ reason: 'users.lastAdmin' });
		expect(await changeUser(t.db, actor, admins[0].id, { role: 'viewer' })).toMatchObject({ reason: 'users.lastAdmin' });
	});

	it('answers "email taken" to both of two simultaneous creations of one email, storing one user', async () => {
		const actor = { id: 'x', email: 'sys' };
		const input = { email: 'twin@example.com', name: 'Twin', password, role: 'viewer' as const };
		const results = await Promise.all([createUser(t.db, actor, input), createUser(t.db, actor, input)]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.find((r) => !r.ok)).toMatchObject({ reason: 'users.emailTaken' });
		const rows = await t.db.selectFrom('users').select('id').where('email', '=', 'twin@example.com').execute();
		expect(rows).toHaveLength(1);
	});

	it('recognises a unique violation from this engine', async () => {
		const row = { email: 'twin@example.com', name: 'Twin', passwordHash: 'x', role: 'viewer' as const };
		const error = await insertUser(t.db, row).catch((e: unknown) => e);
		expect(isUniqueViolation(error)).toBe(true);
		expect(isUniqueViolation(new Error('something else'))).toBe(false);
	});

	it("ends a deactivated user's sessions at once", async () => {
		const created = await createUser(t.db, { id: 'x', email: 'sys' }, { email: 'leaver@example.com', name: 'L', password, role: 'researcher' });
		if (!created.ok) throw new Error('setup');
		const { token } = await createSession(t.db, created.value.id);
		expect((await validateSessionToken(t.db, token)).user?.email).toBe('leaver@example.com');
		await changeUser(t.db, { id: 'x', email: 'sys' }, created.value.id, { active: false });
		expect((await validateSessionToken(t.db, token)).session).toBeNull();
		expect(await logIn(t.db, 'leaver@example.com', password, 'c9')).toMatchObject({ reason: 'login.invalid' });
	});

	it('expires sessions after 30 days and renews them in their last 15', async () => {
		const user = (await findCredentials(t.db, 'victim@example.com'))!.user;
		const start = Date.now();
		const { token, session } = await createSession(t.db, user.id, start);
		const day = 24 * 60 * 60 * 1000;
		const early = await validateSessionToken(t.db, token, start + 5 * day);
		expect(early.session?.expiresAt).toBe(session.expiresAt);
		const late = await validateSessionToken(t.db, token, start + 20 * day);
		expect(late.session?.expiresAt).toBe(start + 50 * day);
		expect((await validateSessionToken(t.db, token, start + 51 * day)).session).toBeNull();
	});

	it('issues a one-time reset link that works once and ends all sessions', async () => {
		const user = (await findCredentials(t.db, 'victim@example.com'))!.user;
		const { token: sessionToken } = await createSession(t.db, user.id);
		const issued = await issuePasswordReset(t.db, { id: 'x', email: 'sys' }, user.id);
		if (!issued.ok) throw new Error('setup');
		expect((await resetTarget(t.db, issued.value))?.id).toBe(user.id);
		const [first, second] = await Promise.all([
			usePasswordReset(t.db, issued.value, 'a brand new password'),
			usePasswordReset(t.db, issued.value, 'another new password')
		]);
		expect([first.ok, second.ok].filter(Boolean)).toHaveLength(1);
		expect(await resetTarget(t.db, issued.value)).toBeUndefined();
		expect((await validateSessionToken(t.db, sessionToken)).session).toBeNull();
	});

	it('changes the own password only with the current one, keeping the current session', async () => {
		const created = await createUser(t.db, { id: 'x', email: 'sys' }, { email: 'me@example.com', name: 'Me', password, role: 'viewer' });
		if (!created.ok) throw new Error('setup');
		const here = await createSession(t.db, created.value.id);
		const elsewhere = await createSession(t.db, created.value.id);
		expect(await changeOwnPassword(t.db, created.value, 'wrong', 'new password 123', here.session.id)).toMatchObject({
			reason: 'account.currentPasswordWrong'
		});
		expect(await changeOwnPassword(t.db, created.value, password, 'new password 123', here.session.id)).toMatchObject({ ok: true });
		expect((await validateSessionToken(t.db, here.token)).session).not.toBeNull();
		expect((await validateSessionToken(t.db, elsewhere.token)).session).toBeNull();
		expect(await logIn(t.db, 'me@example.com', 'new password 123', 'c10')).toMatchObject({ ok: true });
	});

	it('audits what admins and the security layer did', async () => {
		const actions = new Set((await listAudit(t.db, { limit: 200 })).map((e) => e.action));
		for (const action of ['setup', 'login.success', 'login.failure', 'user.created', 'user.deactivated', 'user.password-reset-issued', 'user.password-reset-used', 'user.password-changed']) {
			expect(actions).toContain(action);
		}
	});
});
