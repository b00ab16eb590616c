// Email invitations end to end: contacts imported in Chinese, a campaign created and sent without
// JavaScript from the built server to an SMTP server in the test, a received personal link opened
// and answered on a phone, and the response rate on the campaign page and, by channel, on the
// campaigns page; screenshots in both languages.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, expectAccessible, launchBrowser, screenshot } from './browser';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';
import { createSession } from '../../src/lib/server/auth/session';
import { optOut } from '../../src/lib/server/contacts';
import type { OutgoingMail } from '../../src/lib/server/mail/message';
import { insertChannel } from '../../src/lib/server/repo/channels';
import { insertUser } from '../../src/lib/server/repo/users';
import { insertOpenSurvey } from '../fixtures/survey-rows';
import { startSmtpSink, type SmtpSink } from '../smtp-sink';
import { collectionDefinition, collectionSettings } from '../integration/collection-fixtures';

const contactsFile = '客户编号,姓名,邮箱,语言,客户等级\nK1,张三,zhang.san@example.com,中文,核心\nK2,Li Si,lisi@example.com,英文,普通\nK3,王五,wangwu@example.com,中文,核心\n';

describe.skipIf(!chromiumPath)('email campaigns', () => {
	const database = tempDatabase('campaigns');
	const { db, dbPath } = database;
	let researcher = '';
	let surveyId = '';
	let sink: SmtpSink;
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		await database.migrate();
		researcher = (await insertUser(db, { email: 'researcher@example.com', name: '研究员', passwordHash: 'x', role: 'researcher' })).id;
		const closes = Date.UTC(2030, 5, 30, 15, 59);
		surveyId = (await insertOpenSurvey(db, { ownerId: researcher, code: 'branch', title: 'Branch', settings: collectionSettings, definition: collectionDefinition, columns: { access_mode: 'invitation', closes_at: closes } })).id;
		await insertChannel(db, surveyId, { code: 'mail', name: { 'zh-CN': '邮件邀请', en: 'Email invitation' } });
		sink = await startSmtpSink();
		server = await startServer({ dbPath, env: { SMTP_URL: sink.url, SATINDEX_MAIL_RATE: '100' } });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await closeAll({ browser, server, database });
		await sink.close();
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	async function open(options: { locale: 'zh-CN' | 'en-GB'; width: number; javaScript: boolean }): Promise<Page> {
		const context = await browser.newContext({ locale: options.locale, viewport: { width: options.width, height: 900 }, javaScriptEnabled: options.javaScript });
		const { token } = await createSession(db, researcher);
		await context.addCookies([{ name: 'session', value: token, url: server.url }]);
		return context.newPage();
	}
	async function importContacts(page: Page) {
		const upload = async () => {
			await page.goto(`${server.url}/contacts/import`);
			await page.getByLabel('CSV 文件').setInputFiles({ name: '客户.csv', mimeType: 'text/csv', buffer: Buffer.from(contactsFile) });
			await page.getByRole('button', { name: '导入', exact: true }).click();
		};
		await upload();
		await page.getByLabel('客户等级').selectOption('new');
		await page.getByRole('button', { name: '保存对应关系' }).click();
		await page.getByText('对应关系已保存').waitFor();
		await upload();
		await page.getByText('导入完成：新增 3 位联系人，更新 0 位。').waitFor();
	}
	const campaignUrl = async () => `${server.url}/surveys/${surveyId}/campaigns/${(await db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow()).id}`;

	it('sends a campaign in Chinese, a contact answers through the received link on a phone, and the page shows the response rate', async () => {
		const page = await open({ locale: 'zh-CN', width: 1366, javaScript: false });
		await importContacts(page);
		await optOut(db, { email: 'wangwu@example.com' }, 'unsubscribe');

		await page.goto(`${server.url}/surveys/${surveyId}/campaigns`);
		await page.getByText('目前有 3 位联系人符合条件。').waitFor();
		expect(await page.getByLabel('主题').first().inputValue()).toBe('{name}，诚邀您评价我们的服务');
		await screenshot(page, 'campaign-new-zh-1366');
		await page.getByLabel('名称').fill('十二月满意度调查');
		await page.getByLabel('提醒').fill('7，3');
		expect(await page.getByLabel('渠道').inputValue()).toBe('mail');
		await page.getByRole('button', { name: '创建邀请' }).click();
		await page.getByRole('heading', { name: '十二月满意度调查' }).waitFor();
		expect(await page.locator('.mail').innerText()).toMatch(/尊敬的张三：|Dear Li Si,/);
		await page.getByRole('button', { name: '发送邀请' }).click();
		await page.getByText('2 封邮件正在发出；1 位联系人此前已退订，0 位没有邮箱，均未发送。').waitFor();
		await expect.poll(() => sink.received.length, { timeout: 20_000 }).toBe(2);
		expect(sink.received.flatMap((m) => m.to).sort()).toEqual(['lisi@example.com', 'zhang.san@example.com']);

		const received = sink.received.find((m) => m.to.includes('zhang.san@example.com'))!;
		const jobs = await db.selectFrom('jobs').select('payload').where('kind', '=', 'mail.send').execute();
		const mail = jobs.map((j) => JSON.parse(j.payload) as OutgoingMail).find((m) => m.messageId === received.messageId)!;
		expect(mail.subject).toBe('张三，诚邀您评价我们的服务');
		expect(mail.text).toContain('2030年6月30日 23:59（中国标准时间）');
		const link = /http:\/\/\S+\/s\/branch\?t=[A-Za-z0-9]+/.exec(mail.text)![0];

		const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
		const answer = await phone.newPage();
		await answer.goto(link);
		await answer.getByRole('button', { name: '开始' }).click();
		await answer.locator('#q-Q1 input[value="4"]').check();
		await answer.locator('#q-Q2 input[value="5"]').check();
		await answer.getByRole('button', { name: '下一页' }).click();
		await answer.getByRole('button', { name: '提交' }).click();
		await answer.getByText('您的回答将帮助我们改进。').waitFor();
		await phone.close();

		await page.goto(await campaignUrl());
		const counts = await page.locator('section[aria-labelledby="progress-heading"] .counts').innerText();
		expect(counts).toMatch(/已发送\s*2/);
		expect(counts).toMatch(/已完成\s*1/);
		expect(counts).toMatch(/已退订\s*1/);
		expect(counts).toMatch(/回复率\s*50%/);
		expect(await page.getByRole('heading', { name: '按客户等级' }).count()).toBe(1);
		expect(await page.getByText('计入邮件邀请').count()).toBe(1);
		const reminders = page.locator('section[aria-labelledby="reminders-heading"]');
		expect(await reminders.innerText()).toContain('发送后第 3、7 天，向尚未作答的联系人发送提醒。');
		expect(await reminders.locator('.counts').innerText()).toMatch(/尚未到时间\s*4/);
		await screenshot(page, 'campaign-view-zh-1366');

		await page.goto(`${server.url}/surveys/${surveyId}/campaigns`);
		const byChannel = page.locator('section[aria-labelledby="channel-heading"] tbody tr');
		expect(await byChannel.allInnerTexts()).toEqual([expect.stringMatching(/^邮件邀请\s+2\s+1\s+1\s+50%$/)]);
	});

	it('lays the campaign pages out on a phone in Chinese and English and on a desktop in English', async () => {
		for (const [locale, width] of [['zh-CN', 375], ['en-GB', 375], ['en-GB', 1366]] as const) {
			const page = await open({ locale, width, javaScript: true });
			const tag = `${locale === 'zh-CN' ? 'zh' : 'en'}-${width}`;
			await page.goto(`${server.url}/surveys/${surveyId}/campaigns`);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
			// The rates by channel fit the phone too, with no table to scroll sideways.
			expect(await page.locator('section[aria-labelledby="channel-heading"] .table-wrap').evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth)).toBe(0);
			await screenshot(page, `campaign-new-${tag}`);
			await expectAccessible(page);
			await page.goto(await campaignUrl());
			await screenshot(page, `campaign-view-${tag}`);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
			await expectAccessible(page);
			await page.context().close();
		}
	});
});
