// Admin → Audit log in a real browser without JavaScript: entries read as sentences with names in
// the reader's language, the filters are a plain form, and the distribute page names channels in
// the reader's language too.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createSession } from '../../src/lib/server/auth/session';
import { loadDemoWorkspace } from '../../src/lib/server/demo/load-demo';
import { recordAudit } from '../../src/lib/server/repo/audit';
import { insertUser } from '../../src/lib/server/repo/users';
import { chromiumPath, expectAccessible, launchBrowser, screenshot, signedInPage } from './browser';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';

describe.skipIf(!chromiumPath)('the audit log and channel names', () => {
	const database = tempDatabase('audit');
	let server: RunningServer;
	let browser: Browser;
	let session: string;
	let bankId: string;

	beforeAll(async () => {
		await database.migrate();
		const admin = await insertUser(database.db, { email: 'ada@example.com', name: 'Ada Wong', passwordHash: 'x', role: 'admin' });
		const researcher = await insertUser(database.db, { email: 'li@example.com', name: '李伟', passwordHash: 'x', role: 'researcher' });
		session = (await createSession(database.db, admin.id)).token;
		[bankId] = await loadDemoWorkspace(database.db, admin);
		await recordAudit(database.db, { action: 'user.created', actor: admin, target: researcher.email, detail: { role: 'researcher' } });
		await recordAudit(database.db, { action: 'report.weight-method', actor: researcher, target: bankId, detail: { method: 'ahp' } });
		await recordAudit(database.db, { action: 'login.failure', target: 'nobody@example.com' });
		server = await startServer({ dbPath: database.dbPath, env: { TZ: 'Asia/Shanghai' } });
		browser = await launchBrowser();
	});
	afterAll(() => closeAll({ browser, server, database }));
	beforeEach(() => {
		expect.hasAssertions();
	});

	const open = (locale: 'en-GB' | 'zh-CN', width: number, javaScriptEnabled = false): Promise<Page> =>
		signedInPage(browser, server.url, session, { locale, javaScriptEnabled, viewport: { width, height: 900 } });

	it('reads each entry as a sentence with names, in English, and filters without JavaScript', async () => {
		const page = await open('en-GB', 1366);
		await page.goto(`${server.url}/admin/audit`);
		expect(await page.getByText('李伟 had the CSI of the survey').textContent()).toMatch(/weighted by AHP\.$/);
		expect(await page.getByText('Ada Wong added 李伟 as Researcher.').isVisible()).toBe(true);
		expect(await page.getByText('Times are in China Standard Time.').isVisible()).toBe(true);
		await screenshot(page, 'audit-en-1366');
		await page.getByLabel('Who').selectOption({ label: '李伟' });
		await page.getByRole('button', { name: 'Show' }).click();
		await page.waitForURL(/who=/);
		expect(await page.locator('.log li').count()).toBe(1);
		await page.getByLabel('Who').selectOption({ label: 'Anyone' });
		await page.getByLabel('What').selectOption({ label: 'Sign-ins' });
		await page.getByRole('button', { name: 'Show' }).click();
		await page.waitForURL(/what=signIn/);
		expect(await page.locator('.log li p').allTextContents()).toEqual(['A sign-in as nobody@example.com failed.']);
		// The accessibility checker runs in the page, so it needs JavaScript.
		const checked = await open('en-GB', 1366, true);
		await checked.goto(`${server.url}/admin/audit?what=surveys`);
		await expectAccessible(checked);
	});

	it('reads in Chinese with Chinese punctuation, and fits a phone', async () => {
		const page = await open('zh-CN', 375);
		await page.goto(`${server.url}/admin/audit`);
		expect(await page.getByText('李伟将问卷').first().textContent()).toMatch(/的 CSI 权重方法改为层次分析法（AHP）。$/);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
		await screenshot(page, 'audit-zh-375');
		await page.getByLabel('开始日期').fill('2020-01-02');
		await page.getByLabel('结束日期').fill('2020-01-01');
		await page.getByRole('button', { name: '显示', exact: true }).click();
		expect(await page.getByRole('alert').textContent()).toContain('开始日期不能晚于结束日期');
		const wide = await open('zh-CN', 1366);
		await wide.goto(`${server.url}/admin/audit`);
		await screenshot(wide, 'audit-zh-1366');
		const narrow = await open('en-GB', 375);
		await narrow.goto(`${server.url}/admin/audit`);
		await screenshot(narrow, 'audit-en-375');
	});

	it('names the demo’s channels in the reader’s language on the distribute page', async () => {
		for (const [locale, width, name] of [['zh-CN', 375, '城东支行'], ['en-GB', 1366, 'East branch']] as const) {
			const page = await open(locale, width);
			await page.goto(`${server.url}/surveys/${bankId}/distribute`);
			expect(await page.getByRole('cell', { name, exact: true }).isVisible()).toBe(true);
			await screenshot(page, `distribute-channels-${locale}-${width}`);
		}
	});
});
