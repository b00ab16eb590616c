// Contacts → Segments in a real browser without JavaScript, on the demo workspace: after report
// segments are chosen, the page shows the background recount of each survey's store (a progress bar
// with a link to reload it, updating itself with JavaScript) and then that every report is counted by them; en and zh-CN, phone and desktop.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { REBUILD_KIND } from '../../src/lib/server/analysis/rebuild-job';
import { createSession } from '../../src/lib/server/auth/session';
import { markSegmentAttributes } from '../../src/lib/server/contacts';
import { loadDemoWorkspace } from '../../src/lib/server/demo/load-demo';
import { insertUser } from '../../src/lib/server/repo/users';
import { chromiumPath, expectAccessible, launchBrowser, screenshot, signedInPage } from './browser';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';

describe.skipIf(!chromiumPath)('report segments recounted in the background', () => {
	const database = tempDatabase('segments');
	let server: RunningServer;
	let browser: Browser;
	let session: string;

	beforeAll(async () => {
		await database.migrate();
		const admin = await insertUser(database.db, { email: 'ada@example.com', name: 'Ada Wong', passwordHash: 'x', role: 'admin' });
		session = (await createSession(database.db, admin.id)).token;
		await loadDemoWorkspace(database.db, admin);
		await markSegmentAttributes(database.db, admin, ['tier', 'region', 'panel']);
		// One survey's recount is done, the other's waits an hour: the page shows the recount under way.
		const [done, waiting] = await database.db.selectFrom('jobs').select('id').where('kind', '=', REBUILD_KIND).orderBy('id').execute();
		await database.db.updateTable('jobs').set({ state: 'skipped', finished_at: Date.now() }).where('id', '=', done.id).execute();
		await database.db.updateTable('jobs').set({ run_at: Date.now() + 3_600_000 }).where('id', '=', waiting.id).execute();
		server = await startServer({ dbPath: database.dbPath });
		browser = await launchBrowser();
	}, 120_000);
	afterAll(() => closeAll({ browser, server, database }));
	beforeEach(() => {
		expect.hasAssertions();
	});

	const open = (locale: 'en-GB' | 'zh-CN', width: number, javaScriptEnabled = false): Promise<Page> =>
		signedInPage(browser, server.url, session, { locale, javaScriptEnabled, viewport: { width, height: 900 } });

	it('shows the recount under way, then done, in both languages at phone and desktop widths', async () => {
		for (const [locale, running] of [['en-GB', 'Recounting reports by the chosen segments: 1 of 2 surveys done.'], ['zh-CN', '正在按所选细分重新统计报告：已完成 1 份问卷，共 2 份。']] as const) {
			for (const width of [375, 1366]) {
				const page = await open(locale, width);
				await page.goto(`${server.url}/contacts/segments`);
				expect(await page.getByText(running).isVisible()).toBe(true);
				expect(await page.locator('progress').getAttribute('value')).toBe('1');
				expect(await page.getByRole('link', { name: locale === 'en-GB' ? 'Show the latest progress' : '查看最新进度' }).count()).toBe(1);
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
				await screenshot(page, `segments-rebuilding-${locale}-${width}`);
			}
		}
		const checked = await open('en-GB', 1366, true);
		await checked.goto(`${server.url}/contacts/segments`);
		await expectAccessible(checked);

		await database.db.updateTable('jobs').set({ run_at: Date.now() }).where('kind', '=', REBUILD_KIND).where('state', '=', 'queued').execute();
		const page = await open('zh-CN', 375);
		await expect
			.poll(async () => {
				await page.goto(`${server.url}/contacts/segments`);
				return page.getByText('所有问卷的报告均已按所选细分统计。').isVisible();
			}, { timeout: 30_000, interval: 1_000 })
			.toBe(true);
		expect(await page.locator('progress').count()).toBe(0);
		await screenshot(page, 'segments-ready-zh-CN-375');
	}, 120_000);
});
