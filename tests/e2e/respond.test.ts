// Respondents in a real browser: a phone fills the SERVQUAL template in 中文 by keyboard only; a
// browser without JavaScript pages back and forth, switches language and submits; a reused
// invitation is refused; the researcher's distribute page makes channels, invitations and QR codes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createSession } from '../../src/lib/server/auth/session';
import { createSurvey, setSurveyStatus } from '../../src/lib/server/design/surveys';
import { insertInvitations } from '../../src/lib/server/repo/invitations';
import { insertUser } from '../../src/lib/server/repo/users';
import { chromiumPath, expectAccessible, launchBrowser, screenshot } from './browser';
import { seedSurvey } from './respond-fixtures';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe.skipIf(!chromiumPath)('respondents in a browser', () => {
	const database = tempDatabase('respond');
	const { db, dbPath } = database;
	let server: RunningServer;
	let browser: Browser;
	let servqualCode = '';
	let servqualId = '';
	let researcherId = '';

	beforeAll(async () => {
		await database.migrate();
		const researcher = await insertUser(db, { email: 'rita@example.com', name: 'Rita', passwordHash: 'x', role: 'researcher' });
		researcherId = researcher.id;
		const created = await createSurvey(db, researcher, {
			title: { 'zh-CN': '零售银行服务质量调查', en: 'Retail bank service quality' },
			languages: ['zh-CN', 'en'],
			defaultLanguage: 'zh-CN',
			timeZone: 'Asia/Shanghai',
			source: { kind: 'template', template: 'servqual' }
		});
		if (!created.ok) throw new Error(created.reason);
		const opened = await setSurveyStatus(db, researcher, created.value.id, 'open');
		if (!opened.ok) throw new Error(opened.reason);
		servqualCode = created.value.code;
		servqualId = created.value.id;
		await seedSurvey(db, { code: 'sink' });
		const invited = await seedSurvey(db, { code: 'invited', columns: { access_mode: 'invitation' } });
		await insertInvitations(db, invited.id, ['cust-1'], { batch: 'b1', channelCode: null });
		server = await startServer({ dbPath });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await closeAll({ browser, server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

	/** Tabs until a radio of the group has focus, selects the point by Space and arrow keys. */
	async function answerByKeyboard(page: Page, name: string, offset: number) {
		for (let i = 0; i < 30; i++) {
			await page.keyboard.press('Tab');
			if ((await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)) === name) break;
		}
		expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(name);
		await page.keyboard.press('Space');
		for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight');
	}

	/** Picks a point the way a tap does: on the radio that covers its label. */
	async function choose(page: Page, code: string, value: string) {
		await page.locator(`#q-${code} input[value="${value}"]`).check();
	}

	async function tabTo(page: Page, text: string) {
		for (let i = 0; i < 30; i++) {
			await page.keyboard.press('Tab');
			if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === text) return;
		}
		throw new Error(`No focusable "${text}"`);
	}

	it('lets a phone fill the SERVQUAL template in 中文 by keyboard only', async () => {
		const context = await browser.newContext({ ...phone, locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto(`${server.url}/s/${servqualCode}`);
		await expectAccessible(page);
		const sections = await page.evaluate(() => document.querySelectorAll('fieldset').length);
		expect(sections).toBeGreaterThan(0);
		let pageNumber = 0;
		for (;;) {
			pageNumber++;
			await page.waitForSelector('.scale-question');
			const names = await page.evaluate(() => [...new Set([...document.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((r) => r.name))]);
			if (pageNumber === 1) {
				expect(await noHorizontalScroll(page)).toBe(true);
				await expectAccessible(page);
				await screenshot(page, 'respond-servqual-390-zh');
			}
			for (const [i, name] of names.entries()) await answerByKeyboard(page, name, (i % 5) + 1);
			const last = (await page.getByRole('button', { name: '提交' }).count()) > 0;
			await tabTo(page, last ? '提交' : '下一页');
			await page.keyboard.press('Enter');
			if (last) break;
			await expect.poll(() => page.getByText(`第 ${pageNumber + 1} 页`).count()).toBe(1);
		}
		await expect.poll(() => page.getByText('感谢您的参与！', { exact: true }).isVisible()).toBe(true);
		await expectAccessible(page);
		const rows = await db.selectFrom('responses').selectAll().where('survey_id', '=', servqualId).execute();
		expect(rows).toHaveLength(1);
		const answers = JSON.parse(rows[0].answers);
		expect(Object.keys(answers)).toHaveLength(44);
		expect(answers.TAN1_E).toBe(2);
		expect(rows[0].language).toBe('zh-CN');
		expect(Number(rows[0].duration_ms)).toBeGreaterThan(0);
		await context.close();
	});

	it('works with JavaScript off: paging, errors beside items, a language switch that keeps answers, submit', async () => {
		const context = await browser.newContext({ viewport: { width: 320, height: 700 }, javaScriptEnabled: false, locale: 'en-GB' });
		const page = await context.newPage();
		await page.goto(`${server.url}/s/sink?lang=en&ch=unknown-channel`);
		await page.getByRole('button', { name: 'Start' }).click();
		await page.getByRole('button', { name: 'Next' }).click();
		expect(await page.getByText('Please check 5 answers').isVisible()).toBe(true);
		// (axe needs JavaScript in the page; the same pages are checked with it on in the other tests.)
		await screenshot(page, 'respond-nojs-errors-320-en');
		await choose(page, 'Q1', '4');
		await choose(page, 'Q2', 'na');
		await choose(page, 'Q3', '5');
		await choose(page, 'T1_E', '7');
		await page.getByRole('button', { name: '中文' }).click();
		expect(await page.locator('#q-Q1 input[value="4"]').isChecked()).toBe(true);
		expect(await page.getByText('员工友好、有礼貌。').isVisible()).toBe(true);
		await choose(page, 'T1_P', '6');
		await page.getByRole('button', { name: '下一页' }).click();
		await choose(page, 'SAT', '9');
		await page.getByRole('button', { name: '上一页' }).click();
		expect(await page.locator('#q-T1_P input[value="6"]').isChecked()).toBe(true);
		await page.getByRole('button', { name: '下一页' }).click();
		expect(await page.locator('#q-SAT input[value="9"]').isChecked()).toBe(true);
		await page.getByRole('button', { name: '下一页' }).click();
		await page.getByLabel('每月在我行的消费金额').fill('12.345');
		await page.getByRole('button', { name: '提交' }).click();
		expect(await page.getByText('最多保留 2 位小数。').first().isVisible()).toBe(true);
		await page.getByLabel('每月在我行的消费金额').fill('1,280.50');
		await page.getByRole('button', { name: '提交' }).click();
		expect(await page.getByText('感谢您的参与！', { exact: true }).isVisible()).toBe(true);
		const survey = await db.selectFrom('surveys').select('id').where('code', '=', 'sink').executeTakeFirstOrThrow();
		const [row] = await db.selectFrom('responses').selectAll().where('survey_id', '=', survey.id).execute();
		expect(JSON.parse(row.answers)).toEqual({ Q1: 4, Q2: null, Q3: 5, T1_E: 7, T1_P: 6, SAT: 9, SPEND: 1280.5 });
		expect(row).toMatchObject({ language: 'zh-CN', channel_code: null, source: 'web' });
		await context.close();
	});

	it('keeps unfinished answers in the browser across a reload', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${server.url}/s/sink?lang=en`);
		await page.getByRole('button', { name: 'Start' }).click();
		await page.waitForSelector('#q-Q1');
		await choose(page, 'Q1', '2');
		await page.getByRole('button', { name: 'Next' }).click();
		expect(await page.getByText('Please check 4 answers').isVisible()).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'respond-inline-errors-desktop-en');
		await page.reload();
		await expect.poll(() => page.locator('#q-Q1 input[value="2"]').isChecked()).toBe(true);
		expect(await page.getByText('We kept the answers').isVisible()).toBe(true);
		await context.close();
	});

	it('refuses an invitation-only survey without a token, and a token used once already', async () => {
		const context = await browser.newContext({ ...phone });
		const page = await context.newPage();
		await page.goto(`${server.url}/s/invited?lang=en`);
		expect(await page.getByText('This survey is by invitation only.').isVisible()).toBe(true);
		await expectAccessible(page);
		const invited = await db.selectFrom('invitations').select('id').where('external_id', '=', 'cust-1').executeTakeFirstOrThrow();
		const link = `${server.url}/s/invited?lang=en&t=${invited.id}`;
		await page.goto(link);
		await page.getByRole('button', { name: 'Start' }).click();
		for (const code of ['Q1', 'Q2', 'Q3']) await choose(page, code, '4');
		for (const code of ['T1_E', 'T1_P']) await choose(page, code, '5');
		await page.getByRole('button', { name: 'Next' }).click();
		await choose(page, 'SAT', '7');
		await page.getByRole('button', { name: 'Next' }).click();
		await page.getByRole('button', { name: 'Submit' }).click();
		await expect.poll(() => page.getByText('Thank you!', { exact: true }).isVisible()).toBe(true);
		await page.goto(link);
		expect(await page.getByText('This invitation has already been used.').isVisible()).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'respond-used-token-390-en');
		const used = await db.selectFrom('responses').select('invitation_id').where('invitation_id', '=', invited.id).execute();
		expect(used).toHaveLength(1);
		await context.close();
	});

	it('gives the researcher channels, invitation batches as CSV and QR codes', async () => {
		const { token } = await createSession(db, researcherId);
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
		await context.addCookies([{ name: 'session', value: token, url: server.url }]);
		const page = await context.newPage();
		await page.goto(`${server.url}/surveys/${servqualId}/distribute`);
		await page.getByLabel('Code', { exact: true }).fill('branch-12');
		await page.getByLabel('Name in English', { exact: true }).fill('Branch 12 (Pudong)');
		await page.getByRole('button', { name: 'Add a channel' }).click();
		await expect.poll(() => page.getByText('Channel branch-12 added.').isVisible()).toBe(true);
		await page.getByLabel('Batch name').fill('May mailing');
		await page.getByLabel('External ids (optional)').fill('=HYPERLINK("x")\nC-002\n');
		await page.getByLabel('Channel', { exact: true }).selectOption('branch-12');
		await page.getByRole('button', { name: 'Create links' }).click();
		await expect.poll(() => page.getByText('Batch “May mailing” created with 2 links.').isVisible()).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'distribute-desktop-en');
		const cookie = { cookie: `session=${token}` };
		const csv = await fetch(`${server.url}/surveys/${servqualId}/distribute/invitations.csv?batch=May%20mailing`, { headers: cookie });
		const bytes = new Uint8Array(await csv.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
		expect(lines[0]).toBe('external_id,link,channel,batch,used_at');
		expect(lines).toHaveLength(3);
		expect(lines.some((l) => l.startsWith(`"'=HYPERLINK(""x"")"`))).toBe(true);
		expect(lines[1]).toMatch(new RegExp(`/s/${servqualCode}\\?t=[a-z2-7]{32},branch-12,May mailing,$`));
		const qr = await fetch(`${server.url}/s/${servqualCode}/qr.svg?ch=branch-12`);
		expect(qr.headers.get('content-type')).toContain('image/svg+xml');
		expect(await qr.text()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
		await context.close();
	});
});
