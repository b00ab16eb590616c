// Login throttling through the login service on real databases: concurrent attempts are counted
// before any password is checked, refused attempts are cheap and audited once per block, and an
// attacked account is slowed down rather than locked.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUser, logIn } from '../../src/lib/server/auth/accounts';
import { listAudit } from '../../src/lib/server/repo/audit';
import { engines, useTestDb } from './databases';

const password = 'correct horse battery';
const actor = { id: 'x', email: 'sys' };

describe.each(engines)('login throttling on %s', (engine) => {
	const t = useTestDb(engine);
	beforeAll(async () => {
		for (const email of ['target@example.com', 'owner@example.com']) {
			await createUser(t.db, actor, { email, name: 'User', password, role: 'viewer' });
		}
	});
	beforeEach(() => {
		expect.hasAssertions();
		// Only the clock is faked: blocks expire without waiting, and the database drivers keep their timers.
		vi.useFakeTimers({ toFake: ['Date'] });
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	const passLater = (ms: number) => vi.setSystemTime(Date.now() + ms);
	const audited = async (action: string) => (await listAudit(t.db, { limit: 100_000 })).filter((e) => e.action === action);
	const burst = (count: number, attempt: () => ReturnType<typeof logIn>) => Promise.all(Array.from({ length: count }, attempt));
	const reasons = (results: Awaited<ReturnType<typeof logIn>>[]) => results.map((r) => (r.ok ? 'ok' : r.reason));

	it('counts attempts that arrive together before checking any password: a new client gets five checks', async () => {
		const checksBefore = (await audited('login.failure')).length;
		const results = await burst(40, () => logIn(t.db, 'nobody-1@example.com', 'wrong password', 'eager-client'));
		expect((await audited('login.failure')).length - checksBefore).toBe(5);
		expect(reasons(results).filter((r) => r === 'login.invalid')).toHaveLength(5);
		expect(reasons(results).filter((r) => r === 'login.throttled')).toHaveLength(35);
	});

	it('lets one attempt reach the password check when a block expires under a flood', async () => {
		for (let i = 0; i < 5; i++) await logIn(t.db, 'target@example.com', 'wrong password', 'flooder');
		expect(await logIn(t.db, 'target@example.com', 'wrong password', 'flooder')).toMatchObject({ reason: 'login.throttled' });
		passLater(31_000);
		const checksBefore = (await audited('login.failure')).length;
		const results = await burst(200, () => logIn(t.db, 'target@example.com', 'wrong password', 'flooder'));
		expect((await audited('login.failure')).length - checksBefore).toBe(1);
		expect(reasons(results).filter((r) => r === 'login.throttled')).toHaveLength(199);
		const waits = results.map((r) => (!r.ok && r.params?.seconds) || 0).filter((s) => s > 0);
		expect(Math.min(...waits)).toBeGreaterThanOrEqual(59);
	});

	it('writes no audit entry per refused attempt, and one per block with the number refused', async () => {
		for (let i = 0; i < 5; i++) await logIn(t.db, `guess-${i}@example.com`, 'x', 'sprayer');
		const entriesBefore = (await listAudit(t.db, { limit: 100_000 })).length;
		const refused = await burst(50, () => logIn(t.db, 'guess-9@example.com', 'x', 'sprayer'));
		expect(reasons(refused).every((r) => r === 'login.throttled')).toBe(true);
		expect((await listAudit(t.db, { limit: 100_000 })).length).toBe(entriesBefore);
		passLater(31_000);
		expect(await logIn(t.db, 'guess-9@example.com', 'x', 'sprayer')).toMatchObject({ reason: 'login.invalid' });
		const blocks = (await audited('login.throttled')).filter((e) => e.client === 'sprayer');
		expect(blocks).toHaveLength(1);
		expect(blocks[0].detail).toMatchObject({ refused: 50 });
	});

	it('slows an attacked account down for at most a minute, and lets its owner in from a client without failures', async () => {
		// Each failure from a different address: the account's own count is what grows.
		for (let i = 0; i < 12; i++) {
			expect(await logIn(t.db, 'owner@example.com', 'wrong password', `botnet-${i}`)).toMatchObject({ reason: 'login.invalid' });
		}
		const slowed = await logIn(t.db, 'owner@example.com', 'wrong password', 'botnet-0');
		expect(slowed).toMatchObject({ ok: false, reason: 'login.throttled' });
		expect(!slowed.ok && slowed.params?.seconds).toBeLessThanOrEqual(60);
		expect(await logIn(t.db, 'owner@example.com', password, 'owners-laptop')).toMatchObject({ ok: true });
	});

	it('still holds back a client that has failed, and frees it within a minute', async () => {
		for (let i = 0; i < 12; i++) await logIn(t.db, 'owner@example.com', 'wrong password', `crowd-${i}`);
		expect(await logIn(t.db, 'owner@example.com', password, 'crowd-3')).toMatchObject({ reason: 'login.throttled' });
		passLater(61_000);
		expect(await logIn(t.db, 'owner@example.com', password, 'crowd-3')).toMatchObject({ ok: true });
	});

	it("keeps holding back a guesser who logs into an account of their own from the same client", async () => {
		await createUser(t.db, actor, { email: 'victim@example.com', name: 'Victim', password, role: 'viewer' });
		await createUser(t.db, actor, { email: 'guesser@example.com', name: 'Guesser', password, role: 'viewer' });
		for (let i = 0; i < 4; i++) await logIn(t.db, 'victim@example.com', 'wrong password', 'guesser-laptop');
		for (let i = 0; i < 8; i++) await logIn(t.db, 'victim@example.com', 'wrong password', `helper-${i}`);
		// The guesser's own login forgets their client's failures, but not where they failed.
		expect(await logIn(t.db, 'guesser@example.com', password, 'guesser-laptop')).toMatchObject({ ok: true });
		const checksBefore = (await audited('login.failure')).length;
		expect(await logIn(t.db, 'victim@example.com', 'wrong password', 'guesser-laptop')).toMatchObject({ reason: 'login.throttled' });
		expect((await audited('login.failure')).length).toBe(checksBefore);
		expect(await logIn(t.db, 'victim@example.com', password, 'victims-phone')).toMatchObject({ ok: true });
	});
});
