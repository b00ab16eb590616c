// The respondent endpoints over plain HTTP against the built server: a flood gets 429 with
// Retry-After (never a 500), an oversized post 413, a second submission from the same browser a
// polite refusal, the honeypot a thank-you and nothing stored.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedSurvey } from './respond-fixtures';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';

const answers = { 'a.Q1': '4', 'a.Q2': '5', 'a.Q3': '3', 'a.T1_E': '7', 'a.T1_P': '5', 'a.SAT': '8' };

describe('respondent endpoints over HTTP', () => {
	const database = tempDatabase('respond-http');
	const { db, dbPath } = database;
	let server: RunningServer;
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		await database.migrate();
		ids.flood = (await seedSurvey(db, { code: 'flood' })).id;
		ids.once = (await seedSurvey(db, { code: 'once', settings: { duplicateGuard: 'cookie' } })).id;
		ids.bots = (await seedSurvey(db, { code: 'bots' })).id;
		server = await startServer({ dbPath, env: { SATINDEX_SUBMIT_LIMIT_CLIENT: '5/600', SATINDEX_SUBMIT_LIMIT_SURVEY: '0' } });
	});
	afterAll(async () => {
		await closeAll({ server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	const post = (code: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
		fetch(`${server.url}/s/${code}?/step`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...headers },
			body: new URLSearchParams({ intent: 'submit', lang: 'en', ...fields }).toString()
		});
	const stored = async (surveyId: string) => (await db.selectFrom('responses').select('id').where('survey_id', '=', surveyId).execute()).length;

	it('answers a flood with 429 and Retry-After once the client limit is reached, never a 500', async () => {
		const responses = await Promise.all(Array.from({ length: 12 }, () => post('flood', answers)));
		const statuses = responses.map((r) => r.status).sort();
		expect(statuses.filter((s) => s === 303)).toHaveLength(5);
		expect(statuses.filter((s) => s === 429)).toHaveLength(7);
		const refused = responses.find((r) => r.status === 429)!;
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await refused.text()).toContain('Too many submissions from here right now.');
		expect(await stored(ids.flood)).toBe(5);
	});

	it('refuses an oversized post with 413 and stores nothing', async () => {
		const response = await post('bots', { ...answers, 'a.NOTE': 'x'.repeat(300 * 1024) });
		expect(response.status).toBe(413);
		expect(await stored(ids.bots)).toBe(0);
	});

	it('thanks a bot that filled the honeypot and stores nothing', async () => {
		const response = await post('bots', { ...answers, website: 'http://spam.example' });
		expect(response.status).toBe(303);
		expect(await stored(ids.bots)).toBe(0);
	});

	it('refuses a second submission from the same browser politely (cookie mode)', async () => {
		const page = await fetch(`${server.url}/s/once?lang=en`);
		const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
		expect(cookie).toMatch(/^r_[a-z2-7]+=[a-z2-7]{32}$/);
		expect((await post('once', answers, { cookie })).status).toBe(303);
		const second = await post('once', answers, { cookie });
		expect(second.status).toBe(409);
		expect(await second.text()).toContain('You have already answered this survey.');
		const again = await fetch(`${server.url}/s/once?lang=en`, { headers: { cookie } });
		expect(await again.text()).toContain('You have already answered this survey.');
		expect(await stored(ids.once)).toBe(1);
		const row = await db.selectFrom('responses').select('respondent_key').where('survey_id', '=', ids.once).executeTakeFirstOrThrow();
		expect(row.respondent_key).toMatch(/^[0-9a-f]{40}$/);
		expect(row.respondent_key).not.toContain(cookie.split('=')[1]);
	});
});
