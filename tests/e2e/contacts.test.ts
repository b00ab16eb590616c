// The contact list in the browser: a GBK file imported in Chinese without JavaScript (mapping an
// unknown column on the way; axe runs on the pages opened with JavaScript), the row report of a bad file, the list on a phone and a desktop in
// both languages, deleting a contact with confirmation, viewers refused, and the API with tokens.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, expectAccessible, launchBrowser, screenshot } from './browser';
import { gbk } from './gbk';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';
import { createSession } from '../../src/lib/server/auth/session';
import type { Role } from '../../src/lib/server/db/schema';
import { insertApiToken } from '../../src/lib/server/repo/api-tokens';
import { insertUser } from '../../src/lib/server/repo/users';

const goodFile = '客户编号,姓名,邮箱,语言,客户等级\nK1,张三,Zhang.San@Example.com,中文,核心\nK2,李四,lisi@example.com,英文,普通\nK3,王五,wangwu@example.com,,核心\n';
const badFile = '客户编号,姓名,邮箱,语言,客户等级\nK7,赵六,zhaoliu-at-example.com,中文,核心\nK8,钱七,qianqi@example.com,法语,普通\nK7,孙八,sunba@example.com,中文,普通\n';

describe.skipIf(!chromiumPath)('contacts', () => {
	const database = tempDatabase('contacts');
	const { db, dbPath } = database;
	const users = {} as Record<Role, string>;
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		await database.migrate();
		for (const role of ['admin', 'researcher', 'viewer'] as const) {
			users[role] = (await insertUser(db, { email: `${role}@example.com`, name: role, passwordHash: 'x', role })).id;
		}
		server = await startServer({ dbPath });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await closeAll({ browser, server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	async function open(role: Role, options: { locale: 'zh-CN' | 'en-GB'; width: number; javaScript: boolean }): Promise<Page> {
		const context = await browser.newContext({ locale: options.locale, viewport: { width: options.width, height: 800 }, javaScriptEnabled: options.javaScript });
		const { token } = await createSession(db, users[role]);
		await context.addCookies([{ name: 'session', value: token, url: server.url }]);
		return context.newPage();
	}
	const contactCount = async () => Number((await db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
	async function upload(page: Page, name: string, text: string) {
		await page.goto(`${server.url}/contacts/import`);
		await page.getByLabel('CSV 文件').setInputFiles({ name, mimeType: 'text/csv', buffer: gbk(text) });
		await page.getByRole('button', { name: '导入', exact: true }).click();
	}

	it('imports a GBK file in Chinese without JavaScript, mapping the unknown column once, and lists the contacts', async () => {
		const page = await open('researcher', { locale: 'zh-CN', width: 375, javaScript: false });
		await upload(page, '客户名单.csv', goodFile);
		await page.getByText('客户名单.csv 中的这些列还不认识').waitFor();
		await screenshot(page, 'contacts-mapping-zh-375');
		await page.getByLabel('客户等级').selectOption('new');
		await page.getByRole('button', { name: '保存对应关系' }).click();
		await page.getByText('对应关系已保存').waitFor();
		await upload(page, '客户名单.csv', goodFile);
		await page.getByText('导入完成：新增 3 位联系人，更新 0 位。').waitFor();
		expect(await contactCount()).toBe(3);
		const rows = await page.locator('tbody tr').allTextContents();
		expect(rows.join('|')).toContain('zhang.san@example.com');
		expect(rows.join('|')).toContain('客户等级：核心');
		await page.getByLabel('属性', { exact: true }).selectOption('客户等级');
		await page.getByLabel('属性值').fill('普通');
		await page.getByRole('button', { name: '筛选' }).click();
		expect(await page.locator('tbody tr').count()).toBe(1);
		await page.goto(`${server.url}/contacts`);
		await screenshot(page, 'contacts-list-zh-375');
	});

	it('reports each bad row of a file — malformed email, unknown language, a customer twice — and stores nothing', async () => {
		const page = await open('researcher', { locale: 'zh-CN', width: 1366, javaScript: false });
		await upload(page, '有问题.csv', badFile);
		await page.getByText('未导入任何数据：有问题.csv 中有 3 处问题。').waitFor();
		const cells = (await page.locator('tbody tr').allInnerTexts()).map((r) => r.split('\t').slice(0, 3).join(','));
		expect(cells).toEqual(['2,邮箱,zhaoliu-at-example.com', '3,语言,法语', '4,客户编号,K7']);
		expect(await page.getByText('与第 2 行是同一位客户').count()).toBe(1);
		expect(await contactCount()).toBe(3);
		await screenshot(page, 'contacts-import-errors-zh-1366');
	});

	it('shows a contact in English and deletes it after confirmation, leaving the others', async () => {
		const page = await open('researcher', { locale: 'en-GB', width: 1366, javaScript: true });
		await page.goto(`${server.url}/contacts`);
		await expectAccessible(page);
		await screenshot(page, 'contacts-list-en-1366');
		await page.getByRole('link', { name: '李四' }).click();
		await page.getByLabel('Email', { exact: true }).waitFor();
		expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe('lisi@example.com');
		await expectAccessible(page);
		await screenshot(page, 'contact-en-1366');
		await page.getByRole('button', { name: 'Delete contact' }).click();
		await page.getByText('Tick the box to confirm the deletion.').waitFor();
		expect(await contactCount()).toBe(3);
		await page.getByLabel('Yes, delete this contact’s personal data').check();
		await page.getByRole('button', { name: 'Delete contact' }).click();
		await page.getByText('The contact was deleted.').waitFor();
		expect(await contactCount()).toBe(2);
		expect(await page.getByRole('link', { name: '李四' }).count()).toBe(0);
	});

	it('lays out the list, a contact and the import page on a phone in English and on a desktop in Chinese', async () => {
		const phone = await open('admin', { locale: 'en-GB', width: 375, javaScript: true });
		await phone.goto(`${server.url}/contacts`);
		expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
		await screenshot(phone, 'contacts-list-en-375');
		await phone.getByRole('link', { name: '张三' }).click();
		await phone.getByLabel('Email', { exact: true }).waitFor();
		expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
		await screenshot(phone, 'contact-en-375');
		const desktop = await open('admin', { locale: 'zh-CN', width: 1366, javaScript: true });
		await desktop.goto(`${server.url}/contacts/import`);
		await desktop.getByLabel('CSV 文件').setInputFiles({ name: '新名单.csv', mimeType: 'text/csv', buffer: gbk('客户编号,网点\nK1,北区\n') });
		await desktop.getByRole('button', { name: '导入', exact: true }).click();
		await desktop.getByText('新名单.csv 中的这些列还不认识').waitFor();
		await expectAccessible(desktop);
		await screenshot(desktop, 'contacts-mapping-zh-1366');
		await desktop.goto(`${server.url}/contacts`);
		await expectAccessible(desktop);
		await screenshot(desktop, 'contacts-list-zh-1366');
		await desktop.getByRole('link', { name: '张三' }).click();
		await desktop.getByLabel('邮箱', { exact: true }).waitFor();
		await screenshot(desktop, 'contact-zh-1366');
	});

	it('refuses viewers: no navigation entry, 403 on the pages, 403 through the API', async () => {
		const page = await open('viewer', { locale: 'en-GB', width: 1366, javaScript: true });
		await page.goto(server.url);
		expect(await page.getByRole('link', { name: 'Contacts' }).count()).toBe(0);
		const response = await page.goto(`${server.url}/contacts`);
		expect(response?.status()).toBe(403);
		expect(await page.content()).not.toContain('zhang.san');
		const viewerToken = (await insertApiToken(db, { userId: users.viewer, name: 'v', scope: 'read' })).secret;
		const refused = await fetch(`${server.url}/api/v1/contacts`, { headers: { authorization: `Bearer ${viewerToken}` } });
		expect(refused.status).toBe(403);
		expect(await refused.text()).not.toContain('zhang.san');
	});

	it('lists, imports and deletes through the API with a researcher’s token', async () => {
		const { secret } = await insertApiToken(db, { userId: users.researcher, name: 'sync', scope: 'read-write' });
		const auth = { authorization: `Bearer ${secret}` };
		const imported = await fetch(`${server.url}/api/v1/contacts/import?mapping=${encodeURIComponent('{"Region":"attr:region"}')}`, {
			method: 'POST',
			headers: { ...auth, 'content-type': 'text/csv' },
			body: 'external_id,email,Region\nK1,zhang.san@example.com,north\nK9,k9@example.com,south\n'
		});
		expect(await imported.json()).toEqual({ data: { rows: 2, created: 1, updated: 1, encoding: 'utf-8', delimiter: ',' } });
		const list = (await (await fetch(`${server.url}/api/v1/contacts?attr=region&value=north`, { headers: auth })).json()) as { data: { id: string; externalId: string; name: string }[] };
		expect(list.data.map((c) => [c.externalId, c.name])).toEqual([['K1', '张三']]);
		const bad = await fetch(`${server.url}/api/v1/contacts/import`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv', 'accept-language': 'zh' }, body: 'email\nnot-an-email\n' });
		expect(bad.status).toBe(422);
		expect(await bad.json()).toMatchObject({ error: { code: 'invalid_file', details: { errors: [{ row: 2, column: 'email', code: 'contacts.import.badEmail', message: '不是有效的邮箱地址。' }] } } });
		const deleted = await fetch(`${server.url}/api/v1/contacts/${list.data[0].id}`, { method: 'DELETE', headers: auth });
		expect(await deleted.json()).toEqual({ data: { deleted: list.data[0].id, invitationsUnlinked: 0 } });
		expect(await contactCount()).toBe(2);
	});
});
