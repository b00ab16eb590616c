// Data in and out in the browser and over real HTTP: the import page (progress, error report,
// mapping screen), the export download, API tokens in settings, and the API with those tokens.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, expectAccessible, screenshot } from './browser';
import { closeAll, openApp, tempDatabase } from './harness';
import type { RunningServer } from './server';
import { seedRouteFixtures, type RouteFixtures } from './route-rules/fixtures';
import { createSession } from '../../src/lib/server/auth/session';
import type { Role } from '../../src/lib/server/db/schema';
import { insertApiToken } from '../../src/lib/server/repo/api-tokens';
import { insertUser } from '../../src/lib/server/repo/users';

describe.skipIf(!chromiumPath)('data in and out', () => {
	const database = tempDatabase('data');
	const { db, dbPath } = database;
	const users = {} as Record<Role, string>;
	let fixtures: RouteFixtures;
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		await database.migrate();
		for (const role of ['admin', 'researcher', 'viewer'] as const) {
			users[role] = (await insertUser(db, { email: `${role}@example.com`, name: role, passwordHash: 'x', role })).id;
		}
		fixtures = await seedRouteFixtures(db, users);
		// As `npm start` sets it; the 512K default refuses big uploads (tested in the integration suite).
		({ server, browser, context, page } = await openApp({ server: { dbPath, env: { BODY_SIZE_LIMIT: '100M' } } }));
		const { token } = await createSession(db, users.researcher);
		await context.addCookies([{ name: 'session', value: token, url: server.url }]);
	});
	afterAll(async () => {
		await closeAll({ browser, server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	const dataPage = () => `${server.url}/surveys/${fixtures.surveyId}/data`;
	const responseCount = async () => Number((await db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

	async function upload(name: string, text: string) {
		await page.goto(dataPage());
		await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
		await page.getByRole('button', { name: 'Import' }).click();
	}

	it('imports a large file with a progress bar, and the page is accessible', async () => {
		const rows = Array.from({ length: 60_000 }, (_, i) => `${(i % 5) + 1},2024-01-${String((i % 28) + 1).padStart(2, '0')}`);
		await upload('big.csv', ['Q1,submitted_at', ...rows].join('\n'));
		await expect.poll(() => page.locator('progress').isVisible(), { timeout: 10_000 }).toBe(true);
		await expect.poll(() => page.getByText('60,000 responses imported from big.csv').isVisible(), { timeout: 60_000 }).toBe(true);
		expect(await responseCount()).toBe(60_000);
		await expect.poll(() => page.getByText('60,000 responses. One row per response').isVisible()).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'data-import-done');
	});

	it('shows a bad file’s problems with row, column and value, offers the report, stores nothing', async () => {
		await upload('bad.csv', 'Q1,submitted_at\n3,2024-01-01\n9,2024-01-01\n4,someday\n');
		await expect.poll(() => page.getByText('Nothing was imported: 2 problems in bad.csv').isVisible()).toBe(true);
		const cells = await page.locator('tbody tr').first().locator('td').allTextContents();
		expect(cells).toEqual(['3', 'Q1', '9', expect.stringContaining('1')]);
		const href = await page.getByRole('link', { name: 'Download the problem list (CSV)' }).getAttribute('href');
		const report = await page.request.get(server.url + href!);
		expect(report.headers()['content-type']).toContain('text/csv');
		expect(await report.text()).toContain('4,submitted_at,someday');
		expect(await responseCount()).toBe(60_000);
		await expect.poll(() => page.getByText('60,000 responses. One row per response').isVisible()).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'data-import-errors');
	});

	it('asks what unknown columns hold, remembers it, and imports on the second try', async () => {
		await upload('legacy.csv', 'Satisfaction,Name\n4,Ann\n');
		await expect.poll(() => page.getByText('are not answer codes of this survey').isVisible()).toBe(true);
		await page.getByLabel('Satisfaction').selectOption('Q1');
		await expectAccessible(page);
		await screenshot(page, 'data-import-mapping');
		await page.getByRole('button', { name: 'Save mapping' }).click();
		await expect.poll(() => page.getByText('Mapping saved').isVisible()).toBe(true);
		await page.getByRole('button', { name: 'Import' }).click();
		await expect.poll(() => page.getByText('1 responses imported from legacy.csv').isVisible()).toBe(true);
	});

	it('downloads the export as UTF-8 with BOM', async () => {
		const response = await page.request.get(`${dataPage()}/export?values=codes&coding=raw&metadata=submitted_at`);
		const body = await response.body();
		expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = body.toString('utf8').slice(1).split('\r\n');
		expect(lines[0]).toBe('submitted_at,Q1');
		expect(lines.length - 2).toBe(60_001);
	});

	it('creates a token shown once, which the API accepts until it is revoked', async () => {
		await page.goto(`${server.url}/account/tokens`);
		await page.getByLabel('Name').fill('CRM export');
		await page.getByLabel('Read: list surveys', { exact: false }).check();
		await page.getByRole('button', { name: 'Create token' }).click();
		const secret = await page.getByLabel('New token').inputValue();
		expect(secret).toMatch(/^sat_/);
		await expectAccessible(page);
		await screenshot(page, 'tokens');
		const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${secret}`, ...init.headers } });
		const list = (await (await api('/surveys')).json()) as { data: { id: string }[] };
		expect(list.data.map((s) => s.id)).toEqual([fixtures.surveyId]);
		const write = await api(`/surveys/${fixtures.surveyId}/import`, { method: 'POST', body: 'Q1\n3\n', headers: { 'content-type': 'text/csv' } });
		expect(write.status).toBe(403);
		expect(await write.json()).toMatchObject({ error: { code: 'insufficient_scope' } });
		await page.reload();
		await page.getByRole('button', { name: 'Revoke token CRM export' }).click();
		await expect.poll(() => page.getByText('requests using it are refused').isVisible()).toBe(true);
		expect((await api('/surveys')).status).toBe(401);
	});

	it('refuses metadata the survey does not have over the API with 422, in the caller’s language, storing nothing', async () => {
		const { secret } = await insertApiToken(db, { userId: users.researcher, name: 'metadata', scope: 'read-write' });
		const before = await responseCount();
		const post = (path: string, body: string, headers: Record<string, string>) =>
			fetch(`${server.url}/api/v1/surveys/${fixtures.surveyId}/${path}`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, ...headers }, body });
		const created = await post('responses', JSON.stringify({ answers: { Q1: 5 }, channel: 'nope', language: 'fr' }), { 'content-type': 'application/json', 'accept-language': 'zh-CN,zh;q=0.9' });
		expect(created.status).toBe(422);
		expect(await created.json()).toEqual({
			error: {
				code: 'invalid_metadata',
				message: expect.stringContaining('未保存'),
				details: {
					channel: { key: 'data.metadata.unknownChannel', message: expect.stringContaining('发放') },
					language: { key: 'data.metadata.unknownLanguage', message: expect.stringContaining('zh-CN, en') }
				}
			}
		});
		const imported = await post('import', 'Q1,submitted_at,channel\n4,9999-12-31T00:00:00Z,\n4,2024-01-01,nope\n', { 'content-type': 'text/csv' });
		expect(imported.status).toBe(422);
		expect(await imported.json()).toMatchObject({
			error: {
				code: 'invalid_file',
				details: {
					errorCount: 2,
					errors: [
						{ row: 2, column: 'submitted_at', value: '9999-12-31T00:00:00Z', code: 'data.metadata.future', message: expect.stringContaining('future') },
						{ row: 3, column: 'channel', value: 'nope', code: 'data.metadata.unknownChannel' }
					]
				}
			}
		});
		expect(await responseCount()).toBe(before);
	});

	it('imports and submits over the API with a read-write token, and refuses a cookie', async () => {
		const { secret } = await insertApiToken(db, { userId: users.researcher, name: 'sync', scope: 'read-write' });
		const headers = { authorization: `Bearer ${secret}`, 'content-type': 'text/csv' };
		const bad = await fetch(`${server.url}/api/v1/surveys/${fixtures.surveyId}/import`, { method: 'POST', headers, body: 'Q1\n3\n8\n' });
		expect(bad.status).toBe(422);
		expect(await bad.json()).toMatchObject({ error: { code: 'invalid_file', details: { errorCount: 1, errors: [{ row: 3, column: 'Q1', value: '8' }] } } });
		const good = await fetch(`${server.url}/api/v1/surveys/${fixtures.surveyId}/import`, { method: 'POST', headers, body: '\uFEFFQ1\n3\n4\n' });
		expect(await good.json()).toMatchObject({ data: { imported: 2 } });
		const submitted = await fetch(`${server.url}/api/v1/surveys/${fixtures.surveyId}/responses`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ answers: { Q1: 5 } }) });
		expect(submitted.status).toBe(201);
		const { token } = await createSession(db, users.researcher);
		const withCookie = await fetch(`${server.url}/api/v1/surveys`, { headers: { cookie: `session=${token}` } });
		expect(withCookie.status).toBe(401);
		const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { openapi: string };
		expect(doc.openapi).toBe('3.1.0');
	});
});
