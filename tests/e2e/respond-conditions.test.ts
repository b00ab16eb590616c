// Display conditions in a real browser and over plain HTTP: a phone, with JavaScript and without,
// fills in 中文 a survey whose second section appears only for detractors; a forged post reaches no
// hidden section and stores no hidden answer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { SurveyDefinition } from '../../src/lib/survey/definition';
import { chromiumPath, expectAccessible, launchBrowser, screenshot } from './browser';
import { closeAll, tempDatabase } from './harness';
import { seedSurvey } from './respond-fixtures';
import { startServer, type RunningServer } from './server';

const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });

const detractorFollowUp: SurveyDefinition = {
	sections: [
		{
			code: 'ALL',
			title: t('Overall', '总体评价'),
			items: [{ code: 'NPS', kind: 'nps', text: t('How likely are you to recommend us?', '您向朋友推荐我们的可能性有多大？'), required: true, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false }]
		},
		{
			code: 'WRONG',
			title: t('What went wrong', '哪里做得不好'),
			showIf: { all: [{ item: 'NPS', op: 'npsGroup', group: 'detractor' }] },
			items: [
				{ code: 'WHY', kind: 'single', text: t('The main reason', '主要原因'), required: true, options: [{ code: 'wait', label: t('Waiting', '等候太久') }, { code: 'rude', label: t('Staff', '服务态度') }] }
			]
		}
	]
};

describe.skipIf(!chromiumPath)('display conditions for respondents', () => {
	const database = tempDatabase('respond-conditions');
	const { db, dbPath } = database;
	let server: RunningServer;
	let browser: Browser;
	let surveyId = '';

	beforeAll(async () => {
		await database.migrate();
		surveyId = (await seedSurvey(db, { code: 'detractors', definition: detractorFollowUp, settings: { welcome: {} } })).id;
		server = await startServer({ dbPath });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await closeAll({ browser, server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	const stored = async () => (await db.selectFrom('responses').select('answers').where('survey_id', '=', surveyId).orderBy('submitted_at').execute()).map((r) => JSON.parse(r.answers));
	const choose = (page: Page, code: string, value: string) => page.locator(`#q-${code} input[value="${value}"]`).check();

	it('asks detractors what went wrong and promoters nothing more, on a phone without JavaScript, in 中文', async () => {
		const context = await browser.newContext({ ...phone, javaScriptEnabled: false, locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto(`${server.url}/s/detractors`);
		expect(await page.getByText('哪里做得不好').count()).toBe(0);
		await choose(page, 'NPS', '3');
		// The only page so far ends the questionnaire; a detractor's answer shows one more.
		await page.getByRole('button', { name: '提交' }).click();
		expect(await page.getByRole('heading', { name: '哪里做得不好' }).isVisible()).toBe(true);
		expect(await page.getByText('第 2 页，共 2 页').isVisible()).toBe(true);
		await page.getByRole('button', { name: '提交' }).click();
		expect(await page.getByText('请回答此题。').first().isVisible()).toBe(true);
		await screenshot(page, 'respond-condition-detractor-375-zh');
		await choose(page, 'WHY', 'wait');
		// Going back and becoming a promoter hides the section and drops its answer.
		await page.getByRole('button', { name: '上一页' }).click();
		await choose(page, 'NPS', '10');
		await page.getByRole('button', { name: '下一页' }).click();
		expect(await page.getByText('感谢您的参与！', { exact: true }).isVisible()).toBe(true);

		await page.goto(`${server.url}/s/detractors`);
		await choose(page, 'NPS', '6');
		await page.getByRole('button', { name: '提交' }).click();
		await choose(page, 'WHY', 'rude');
		await page.getByRole('button', { name: '提交' }).click();
		expect(await page.getByText('感谢您的参与！', { exact: true }).isVisible()).toBe(true);
		expect(await stored()).toEqual([{ NPS: 10 }, { NPS: 6, WHY: 'rude' }]);
		await context.close();
	});

	it('shows the detractors\' section as the score is chosen and hides it again, on a phone with JavaScript, in 中文', async () => {
		const context = await browser.newContext({ ...phone, locale: 'zh-CN' });
		const page = await context.newPage();
		// Network idle: the page's code has loaded and taken over the form.
		await page.goto(`${server.url}/s/detractors`, { waitUntil: 'networkidle' });
		expect(await page.getByRole('button', { name: '提交' }).isVisible()).toBe(true);
		await choose(page, 'NPS', '3');
		await expect.poll(() => page.getByText('第 1 页，共 2 页').isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: '下一页' }).isVisible()).toBe(true);
		await choose(page, 'NPS', '9');
		await expect.poll(() => page.getByRole('button', { name: '提交' }).isVisible()).toBe(true);
		expect(await page.getByText('第 1 页，共 2 页').count()).toBe(0);
		await choose(page, 'NPS', '0');
		await page.getByRole('button', { name: '下一页' }).click();
		await page.getByRole('heading', { name: '哪里做得不好' }).waitFor();
		expect(await page.getByText('第 2 页，共 2 页').isVisible()).toBe(true);
		await choose(page, 'WHY', 'wait');
		await expectAccessible(page);
		await screenshot(page, 'respond-condition-live-375-zh');
		// Back on the first page, a promoter's score hides the section: its answer is not even posted.
		await page.getByRole('button', { name: '上一页' }).click();
		await page.getByRole('heading', { name: '总体评价' }).waitFor();
		await choose(page, 'NPS', '9');
		await expect.poll(() => page.getByRole('button', { name: '提交' }).isVisible()).toBe(true);
		await expectAccessible(page);
		const submitted = page.waitForRequest((request) => request.method() === 'POST');
		await page.getByRole('button', { name: '提交' }).click();
		expect((await submitted).postData()).not.toContain('WHY');
		await page.getByText('感谢您的参与！', { exact: true }).waitFor();
		expect((await stored()).at(-1)).toEqual({ NPS: 9 });
		await context.close();
	});

	const post = (fields: Record<string, string>) =>
		fetch(`${server.url}/s/detractors?/step`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ lang: 'zh-CN', ...fields }).toString()
		});

	it('pages by its own reading of the answers, whatever page number a post names', async () => {
		const forged = await post({ intent: 'next', page: '1', 'a.NPS': '10', 'a.WHY': 'wait' });
		expect(forged.status).toBe(200);
		const html = await forged.text();
		expect(html).not.toContain('id="section-WRONG"');
		expect(html).toContain('id="section-ALL"');
	});

	it('stores no answer to a hidden item and refuses an option that does not exist', async () => {
		const before = (await stored()).length;
		expect((await post({ intent: 'submit', page: '0', 'a.NPS': '9', 'a.WHY': 'bribe' })).status).toBe(303);
		const refused = await post({ intent: 'submit', page: '1', 'a.NPS': '2', 'a.WHY': 'bribe' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('请从给出的选项中选择。');
		expect((await stored()).slice(before)).toEqual([{ NPS: 9 }]);
	});
});
