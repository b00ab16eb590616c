// Competitors end to end: the researcher names two competitors for a SERVQUAL survey (the competitor
// block in one step), a phone answers in 中文 using only one of them and not knowing it on one
// question, and a browser without JavaScript sees only the brand it chose.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createSession } from '../../src/lib/server/auth/session';
import { submitResponse } from '../../src/lib/server/collection/submit';
import { createSurvey, publishDraft, setSurveyStatus } from '../../src/lib/server/design/surveys';
import { findSurveyById } from '../../src/lib/server/repo/surveys';
import { allItems, type SurveyDefinition } from '../../src/lib/survey/definition';
import { insertUser } from '../../src/lib/server/repo/users';
import { chromiumPath, expectAccessible, launchBrowser, screenshot } from './browser';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';

const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe.skipIf(!chromiumPath)('competitors in a browser', () => {
	const database = tempDatabase('competitors');
	const { db, dbPath } = database;
	let server: RunningServer;
	let browser: Browser;
	let surveyId = '';
	let surveyCode = '';
	let researcher = { id: '', email: 'rita@example.com', role: 'researcher' as const };

	beforeAll(async () => {
		await database.migrate();
		const user = await insertUser(db, { email: researcher.email, name: 'Rita', passwordHash: 'x', role: 'researcher' });
		researcher = { ...researcher, id: user.id };
		const created = await createSurvey(db, user, {
			title: { 'zh-CN': '零售银行服务质量调查', en: 'Retail bank service quality' },
			languages: ['zh-CN', 'en'],
			defaultLanguage: 'zh-CN',
			timeZone: 'Asia/Shanghai',
			source: { kind: 'template', template: 'servqual' }
		});
		if (!created.ok) throw new Error(created.reason);
		surveyId = created.value.id;
		surveyCode = created.value.code;
		server = await startServer({ dbPath });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await closeAll({ browser, server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	/** Picks, in every radio group on the page, the point `pick(name)` says (the first point when it says nothing). */
	async function answerPage(page: Page, pick: (name: string) => string | undefined) {
		const names = await page.evaluate(() => [...new Set([...document.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((r) => r.name))]);
		for (const name of names) {
			const value = pick(name.slice(2));
			await page.locator(value ? `input[name="${name}"][value="${value}"]` : `input[name="${name}"] >> nth=4`).check();
		}
		return names.map((n) => n.slice(2));
	}

	it('names two competitors in one step, and says what is wrong with a reused code', async () => {
		const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
		const { token } = await createSession(db, researcher.id);
		await context.addCookies([{ name: 'session', value: token, url: server.url }]);
		const page = await context.newPage();
		await page.goto(`${server.url}/surveys/${surveyId}/design`);
		await page.getByRole('link', { name: '竞争对手' }).click();
		await page.getByLabel('中文名称').nth(0).fill('乙银行');
		await page.getByLabel('英文名称').nth(0).fill('Bank B');
		await page.getByLabel('编码').nth(0).fill('bank-b');
		await page.getByLabel('中文名称').nth(1).fill('丙银行');
		await page.getByLabel('英文名称').nth(1).fill('Bank C');
		await page.getByLabel('编码').nth(1).fill('BANK-B');
		await page.getByRole('button', { name: '保存并添加竞争对手题目' }).click();
		await expect.poll(() => page.getByText('竞争对手编码 BANK-B 被重复使用').count()).toBe(1);
		expect(await page.getByLabel('中文名称').nth(1).inputValue()).toBe('丙银行');
		await page.getByLabel('编码').nth(1).fill('bank-c');
		await page.getByRole('button', { name: '保存并添加竞争对手题目' }).click();
		await expect.poll(() => page.getByText('已保存').count()).toBe(1);
		await expectAccessible(page);
		await screenshot(page, 'competitors-form-1366-zh');
		const survey = await db.selectFrom('surveys').select('draft').where('id', '=', surveyId).executeTakeFirstOrThrow();
		const draft = JSON.parse(survey.draft);
		expect(draft.competitors.map((c: { code: string }) => c.code)).toEqual(['bank-b', 'bank-c']);
		expect(draft.competitorScreener).toBe('USED12M');
		await context.close();
		const published = await publishDraft(db, researcher, surveyId);
		expect(published.ok).toBe(true);
		expect((await setSurveyStatus(db, researcher, surveyId, 'open')).ok).toBe(true);
	});

	it('lets a phone answer in 中文 for the one bank it uses, "don\'t know" on one question', async () => {
		const context = await browser.newContext({ ...phone, locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto(`${server.url}/s/${surveyCode}`);
		await page.getByLabel('乙银行').check();
		await page.getByRole('button', { name: '下一页' }).click();
		await page.waitForSelector('.brands');
		expect(await page.getByText('丙银行').count()).toBe(0);
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await expectAccessible(page);
		const seen: string[] = [];
		for (let pageNumber = 2; ; pageNumber++) {
			if (pageNumber === 2) await screenshot(page, 'competitors-respond-375-zh');
			seen.push(...(await answerPage(page, (code) => (code === 'TAN1_P@bank-b' ? 'na' : undefined))));
			const last = (await page.getByRole('button', { name: '提交' }).count()) > 0;
			await page.getByRole('button', { name: last ? '提交' : '下一页' }).click();
			if (last) break;
			await expect.poll(() => page.getByText(`第 ${pageNumber + 1} 页`).count()).toBe(1);
		}
		await expect.poll(() => page.getByText('感谢您的参与！', { exact: true }).isVisible()).toBe(true);
		expect(seen.filter((code) => code.includes('@bank-c'))).toEqual([]);
		const [row] = await db.selectFrom('responses').select('answers').where('survey_id', '=', surveyId).execute();
		const answers = JSON.parse(row.answers);
		expect(answers.USED12M).toEqual(['bank-b']);
		expect(answers['TAN1_P@bank-b']).toBeNull();
		expect(answers['REL1_P@bank-b']).toBe(5);
		expect(Object.keys(answers).filter((code) => code.endsWith('@bank-b'))).toHaveLength(22);
		expect(Object.keys(answers).some((code) => code.endsWith('@bank-c'))).toBe(false);
		await context.close();
	}, 120_000);

	it('shows only the chosen bank without JavaScript, and in English', async () => {
		const context = await browser.newContext({ viewport: { width: 375, height: 812 }, javaScriptEnabled: false, locale: 'en-GB' });
		const page = await context.newPage();
		await page.goto(`${server.url}/s/${surveyCode}?lang=en`);
		await page.getByLabel('Bank C').check();
		await page.getByRole('button', { name: 'Next' }).click();
		expect(await page.getByText('Bank C: Modern equipment').count()).toBe(1);
		expect(await page.getByText('Bank B: Modern equipment').count()).toBe(0);
		expect(await page.locator('#q-TAN1_P\\@bank-b').count()).toBe(0);
		expect(await page.locator('#q-TAN1_P\\@bank-c').getByText("Don't know").count()).toBe(1);
		await screenshot(page, 'competitors-respond-nojs-375-en');
		await context.close();
	});

	/** Planted answers: ahead of Bank B on Tangibles, behind on Responsiveness, level elsewhere (1–7, varied per respondent). */
	function planted(definition: SurveyDefinition, r: number): Record<string, string | string[]> {
		const raw: Record<string, string | string[]> = { USED12M: ['bank-b'] };
		for (const item of allItems(definition)) {
			if (item.kind !== 'pair') continue;
			const ours = item.code.startsWith('TAN') ? 6 : item.code.startsWith('RES') ? 3 : 5;
			const theirs = item.code.startsWith('TAN') ? 3 : item.code.startsWith('RES') ? 6 : 5;
			const wobble = ((r * 7 + item.code.length) % 3) - 1;
			raw[`${item.code}_E`] = '6';
			raw[`${item.code}_P`] = String(ours + wobble);
			raw[`${item.code}_P@bank-b`] = String(theirs - ((r % 2) as number));
		}
		return raw;
	}

	it('reports the gaps against the competitor the respondents use, in both languages', async () => {
		const survey = (await findSurveyById(db, surveyId))!;
		for (let r = 0; r < 40; r++) {
			const outcome = await submitResponse(db, { survey, raw: planted(survey.draft, r), language: 'zh-CN', source: 'web' });
			if (!outcome.ok) throw new Error(`planted response refused: ${outcome.reason}`);
		}
		const { token } = await createSession(db, researcher.id);
		for (const [locale, heading, finding] of [
			['zh-CN', '本机构与乙银行', '与乙银行相比，我们在响应性上落后最多'],
			['en', 'Us and Bank B', 'Against Bank B we trail most on Responsiveness']
		] as const) {
			for (const width of [375, 1366]) {
				const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
				await context.addCookies([{ name: 'session', value: token, url: server.url }, { name: 'lang', value: locale, url: server.url }]);
				const page = await context.newPage();
				await page.goto(`${server.url}/surveys/${surveyId}/report`);
				await expect.poll(() => page.getByRole('heading', { name: heading }).count(), { timeout: 20_000 }).toBe(1);
				expect(await page.getByText(finding).count()).toBe(1);
				if (width === 1366) await expectAccessible(page);
				await screenshot(page, `competitors-report-${width}-${locale}`);
				// The section alone, readable at full size beside the whole page.
				await page.locator('section.card').filter({ has: page.getByRole('heading', { name: heading }) }).screenshot({ path: `tests/e2e/screenshots/competitors-section-${width}-${locale}.png` });
				await context.close();
			}
		}
		const reader = await browser.newContext();
		await reader.addCookies([{ name: 'session', value: token, url: server.url }]);
		const response = await reader.request.get(`${server.url}/surveys/${surveyId}/report/report.json`);
		const brand = (await response.json()).model.competitors[0];
		await reader.close();
		expect(brand.code).toBe('bank-b');
		const byCode = Object.fromEntries(brand.dimensions.map((d: { code: string }) => [d.code, d]));
		expect(byCode.TAN.gap.difference).toBeGreaterThan(0);
		expect(byCode.RES.gap.difference).toBeLessThan(0);
		expect(byCode.RES.significant).toBe(true);
		expect(byCode.RES.gap.n).toBe(41);
	}, 180_000);
});
