// The SPSS syntax and R script downloads beside the CSV: from the data page's export form (a GET
// form, so no JavaScript is needed) and from the API with a token, over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, expectAccessible, screenshot } from './browser';
import { closeAll, openApp, tempDatabase } from './harness';
import type { RunningServer } from './server';
import { seedRouteFixtures, type RouteFixtures } from './route-rules/fixtures';
import { createSession } from '../../src/lib/server/auth/session';
import { insertApiToken } from '../../src/lib/server/repo/api-tokens';
import { insertUser } from '../../src/lib/server/repo/users';

describe.skipIf(!chromiumPath)('SPSS syntax and R script downloads', () => {
	const database = tempDatabase('analyst-files');
	const { db, dbPath } = database;
	let researcher: string;
	let fixtures: RouteFixtures;
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		await database.migrate();
		const users = {} as Record<'admin' | 'researcher' | 'viewer', string>;
		for (const role of ['admin', 'researcher', 'viewer'] as const) users[role] = (await insertUser(db, { email: `${role}@example.com`, name: role, passwordHash: 'x', role })).id;
		researcher = users.researcher;
		fixtures = await seedRouteFixtures(db, users);
		({ server, browser, context, page } = await openApp({ server: { dbPath } }));
		const { token } = await createSession(db, researcher);
		await context.addCookies([{ name: 'session', value: token, url: server.url }]);
	});
	afterAll(async () => {
		await closeAll({ browser, server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	/** The text of the download a click on the button starts, with its file name. */
	async function download(button: string): Promise<{ name: string; text: string }> {
		const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
		const stream = await file.createReadStream();
		const chunks: Buffer[] = [];
		for await (const chunk of stream) chunks.push(chunk as Buffer);
		return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
	}

	it('offers the .sps and the .R beside the CSV on the data page, with the form’s choices', async () => {
		await page.goto(`${server.url}/surveys/${fixtures.surveyId}/data`);
		await page.getByLabel('Reverse-coded (their headers say [recoded])').check();
		const sps = await download('Download SPSS syntax (.sps)');
		expect(sps.name).toMatch(/-responses\.sps$/);
		expect(sps.text).toMatch(/^\* Encoding: UTF-8\.\n/);
		expect(sps.text).toContain(`/FILE='${sps.name.replace(/\.sps$/, '.csv')}'`);
		const r = await download('Download R script (.R)');
		expect(r.name).toBe(sps.name.replace(/\.sps$/, '.R'));
		expect(r.text).toContain('header <- c("response_id", "submitted_at", "channel", "language", "version", "source", "duration_s"');
		await expectAccessible(page);
		for (const [lang, width] of [['en', 1366], ['en', 375], ['zh-CN', 1366], ['zh-CN', 375]] as const) {
			await context.addCookies([{ name: 'lang', value: lang, url: server.url }]);
			await page.setViewportSize({ width, height: 900 });
			await page.goto(`${server.url}/surveys/${fixtures.surveyId}/data`);
			await screenshot(page, `data-export-${lang}-${width}`);
		}
		await expect.poll(() => page.getByRole('button', { name: '下载 SPSS 语法文件（.sps）' }).isVisible()).toBe(true);
	});

	it('serves both files from the API to a token, and nothing without one', async () => {
		const { secret } = await insertApiToken(db, { userId: researcher, name: 'analyst', scope: 'read' });
		const base = `${server.url}/api/v1/surveys/${fixtures.surveyId}`;
		for (const [file, start] of [['responses.sps?lang=en&coding=recoded', '* Encoding: UTF-8.'], ['responses.R?lang=zh-CN', '# ']]) {
			const response = await fetch(`${base}/${file}`, { headers: { authorization: `Bearer ${secret}` } });
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
			expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="\w+-responses\.(sps|R)"/);
			expect((await response.text()).startsWith(start)).toBe(true);
		}
		expect((await fetch(`${base}/responses.sps`)).status).toBe(401);
	});
});
