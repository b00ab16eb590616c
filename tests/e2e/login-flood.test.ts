// Login throttling over HTTP against the built server: a flood of wrong passwords from one address
// gets 429 with Retry-After and a localised message (never a 5xx), one attempt per window reaches
// the password check, and the account's owner still logs in from an address without failures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/lib/server/auth/password';
import { insertUser } from '../../src/lib/server/repo/users';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';

const owner = { email: 'owner@example.com', password: 'a long owner password' };
const FLOOD = 200;

describe('a login flood over HTTP', () => {
	const database = tempDatabase('login-flood');
	const { db, dbPath } = database;
	let server: RunningServer;

	beforeAll(async () => {
		await database.migrate();
		await insertUser(db, { email: owner.email, name: 'Olga', passwordHash: await hashPassword(owner.password), role: 'viewer' });
		server = await startServer({ dbPath, env: { ADDRESS_HEADER: 'x-forwarded-for' } });
	});
	afterAll(async () => {
		await closeAll({ server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	const logIn = (password: string, address: string) =>
		fetch(`${server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: server.url,
				accept: 'text/html',
				'accept-language': 'en',
				'content-type': 'application/x-www-form-urlencoded',
				'x-forwarded-for': address
			},
			body: new URLSearchParams({ email: owner.email, password }).toString()
		});
	/** Attempts that reached the password check and failed: each writes one audit entry. */
	const passwordChecks = async () => (await db.selectFrom('audit_log').select('id').where('action', '=', 'login.failure').execute()).length;
	const flood = () => Promise.all(Array.from({ length: FLOOD }, () => logIn('wrong password', '203.0.113.9')));

	it('answers a flood with 429 and Retry-After, letting one attempt per window reach the password check', async () => {
		for (let i = 0; i < 5; i++) expect((await logIn('wrong password', '203.0.113.9')).status).toBe(400);
		const refused = await flood();
		expect(refused.map((r) => r.status).filter((s) => s !== 429)).toEqual([]);
		expect(Number(refused[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(await refused[0].text()).toContain('Too many failed attempts.');
		expect(await passwordChecks()).toBe(5);

		// The blocks end, as they would after their 30 seconds.
		await db.updateTable('login_throttle').set({ blocked_until: 0 }).execute();
		const statuses = (await flood()).map((r) => r.status);
		expect(statuses.filter((s) => s === 400)).toHaveLength(1);
		expect(statuses.filter((s) => s === 429)).toHaveLength(FLOOD - 1);
		expect(await passwordChecks()).toBe(6);
	});

	it('records the refused attempts in one audit entry per block, with their number', async () => {
		const entries = await db.selectFrom('audit_log').select('detail').where('action', '=', 'login.throttled').execute();
		// The second flood's block is still on: its refusals are reported once it ends.
		expect(entries.map((e) => JSON.parse(e.detail ?? '{}'))).toEqual([{ refused: FLOOD, failures: 5 }]);
	});

	it('lets the owner in from an address without failures while the account is slowed down', async () => {
		expect((await logIn(owner.password, '203.0.113.9')).status).toBe(429);
		const response = await logIn(owner.password, '198.51.100.4');
		expect(response.status).toBe(303);
		expect(response.headers.get('set-cookie')).toMatch(/^session=/);
	});
});
