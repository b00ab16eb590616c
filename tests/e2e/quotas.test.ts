// A researcher sets quotas per branch on the settings page, respondents fill the group, the next one
// from that branch gets the friendly "this group is full" page, and the distribute page shows the fill.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../src/lib/server/auth/password';
import { insertUser } from '../../src/lib/server/repo/users';
import type { SurveyDefinition } from '../../src/lib/survey/definition';
import { insertOpenSurvey } from '../fixtures/survey-rows';
import { chromiumPath, expectAccessible, screenshot } from './browser';
import { closeAll, openApp, submitLogin, tempDatabase } from './harness';
import { kitchenSettings } from './respond-fixtures';
import type { RunningServer } from './server';

const researcher = { email: 'rita@example.com', password: 'a long researcher password' };
const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const definition: SurveyDefinition = {
	sections: [
		{
			code: 'S1',
			title: t('Your visit', '您的到访'),
			items: [
				{ code: 'BR', kind: 'single', text: t('Which branch did you visit?', '您到访的是哪个网点？'), required: true, options: [{ code: 'north', label: t('North branch', '北区网点') }, { code: 'south', label: t('South branch', '南区网点') }] },
				{ code: 'Q1', kind: 'likert', text: t('Staff were friendly.', '员工很友好。'), required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false }
			]
		}
	]
};
const widths = [375, 1366];

describe.skipIf(!chromiumPath)('quotas in a browser', () => {
	const database = tempDatabase('quotas');
	const { db, dbPath } = database;
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let surveyId = '';

	beforeAll(async () => {
		await database.migrate();
		const owner = await insertUser(db, { email: researcher.email, name: 'Rita', passwordHash: await hashPassword(researcher.password), role: 'researcher' });
		({ id: surveyId } = await insertOpenSurvey(db, { ownerId: owner.id, code: 'quota-e2e', title: 'Branch visits', settings: { ...kitchenSettings, welcome: {} }, definition }));
		({ server, browser, context, page } = await openApp({ server: { dbPath } }));
	});
	afterAll(async () => {
		await closeAll({ browser, server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	async function shoot(target: Page, name: string): Promise<void> {
		for (const width of widths) {
			await target.setViewportSize({ width, height: 900 });
			expect(await target.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} at ${width}`).toBe(true);
			await screenshot(target, `${name}-${width}`);
		}
	}

	/** A respondent in a fresh browser answers for a branch; returns their page, showing the outcome. */
	async function respond(branch: string, language: 'en' | 'zh-CN', javaScriptEnabled = true): Promise<Page> {
		const respondent = await browser.newContext({ locale: language === 'en' ? 'en-GB' : 'zh-CN', javaScriptEnabled });
		const p = await respondent.newPage();
		await p.goto(`${server.url}/s/quota-e2e?lang=${language}`);
		await p.waitForLoadState('networkidle');
		await p.locator(`#q-BR input[value="${branch}"]`).check();
		await p.locator('#q-Q1 input[value="4"]').check();
		await p.getByRole('button', { name: language === 'en' ? 'Submit' : '提交' }).click();
		return p;
	}

	it('sets a quota per branch on the settings page', async () => {
		await submitLogin(page, server.url, researcher);
		await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).not.toBe('/login');
		await page.goto(`${server.url}/surveys/${surveyId}/settings`);
		await page.getByLabel('Quotas by').selectOption('item:BR');
		await page.getByRole('button', { name: 'Set quotas' }).click();
		await page.getByLabel('Limit for North branch').fill('1');
		await page.getByLabel('Limit for South branch').fill('-3');
		await page.getByRole('button', { name: 'Save quotas' }).click();
		await expect.poll(() => page.getByText('Enter a whole number of responses, or leave empty.').isVisible()).toBe(true);
		expect(await page.getByLabel('Limit for North branch').inputValue()).toBe('1');
		await page.getByLabel('Limit for South branch').fill('5');
		await page.getByRole('button', { name: 'Save quotas' }).click();
		await expect.poll(() => page.getByText('Quotas saved.').isVisible()).toBe(true);
		const rows = await db.selectFrom('survey_quotas').select(['option_code', 'max_responses']).orderBy('option_code').execute();
		expect(rows.map((r) => [r.option_code, Number(r.max_responses)])).toEqual([
			['north', 1],
			['south', 5]
		]);
		await expectAccessible(page);
		await shoot(page, 'quotas-settings-en');
	});

	it('thanks the first respondent of a branch and tells the next one, kindly, that the group is full', async () => {
		const first = await respond('north', 'en');
		await expect.poll(() => new URL(first.url()).pathname).toBe('/s/quota-e2e/thanks');
		const late = await respond('north', 'en');
		await expect.poll(() => late.getByText('This group is full, thank you.').isVisible()).toBe(true);
		await expectAccessible(late);
		await shoot(late, 'quotas-full-en');
		// Without JavaScript the same page comes back from the plain form post.
		const lateZh = await respond('north', 'zh-CN', false);
		await expect.poll(() => lateZh.getByText('您所在的群体名额已满，谢谢您！').isVisible()).toBe(true);
		await shoot(lateZh, 'quotas-full-zh');
		const south = await respond('south', 'en');
		await expect.poll(() => new URL(south.url()).pathname).toBe('/s/quota-e2e/thanks');
		const stored = await db.selectFrom('responses').select('answers').execute();
		expect(stored.map((r) => JSON.parse(r.answers).BR).sort()).toEqual(['north', 'south']);
	});

	it('shows each quota’s fill on the distribute page, in English and 中文', async () => {
		await page.setViewportSize({ width: 1366, height: 900 });
		await page.goto(`${server.url}/surveys/${surveyId}/distribute`);
		const north = page.getByRole('row', { name: /North branch/ });
		expect(await north.textContent()).toMatch(/1 \/ 1.*Full/);
		expect(await page.getByRole('row', { name: /South branch/ }).textContent()).toMatch(/1 \/ 5.*Open/);
		await expectAccessible(page);
		await shoot(page, 'quotas-distribute-en');
		await context.addCookies([{ name: 'lang', value: 'zh-CN', url: server.url }]);
		await page.goto(`${server.url}/surveys/${surveyId}/distribute`);
		expect(await page.getByRole('row', { name: /北区网点/ }).textContent()).toMatch(/1 \/ 1.*已满/);
		await shoot(page, 'quotas-distribute-zh');
		await page.goto(`${server.url}/surveys/${surveyId}/settings?quota=item:BR`);
		expect(await page.getByLabel('北区网点的上限').inputValue()).toBe('1');
		await shoot(page, 'quotas-settings-zh');
	});
});
