// The report of a survey with display conditions, in a real browser: the item asked only of
// detractors says of how many of the responses it was asked, and why, in English and in 中文.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../src/lib/server/auth/password';
import { submitResponse } from '../../src/lib/server/collection/submit';
import { findSurveyById } from '../../src/lib/server/repo/surveys';
import { insertUser } from '../../src/lib/server/repo/users';
import type { SurveyDefinition } from '../../src/lib/survey/definition';
import { insertOpenSurvey } from '../fixtures/survey-rows';
import { chromiumPath, expectAccessible, screenshot } from './browser';
import { closeAll, openApp, submitLogin, tempDatabase } from './harness';
import { kitchenSettings } from './respond-fixtures';
import type { RunningServer } from './server';

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const researcher = { email: 'rita@example.com', password: 'a long researcher password' };

const detractorFollowUp: SurveyDefinition = {
	sections: [
		{
			code: 'ALL',
			title: t('Overall', '总体评价'),
			items: [
				{ code: 'NPS', kind: 'nps', text: t('How likely are you to recommend us?', '您向朋友推荐我们的可能性有多大？'), required: true, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false },
				{ code: 'STAFF', kind: 'likert', text: t('Staff were friendly', '员工很友好'), required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false }
			]
		},
		{
			code: 'WRONG',
			title: t('What went wrong', '哪里做得不好'),
			showIf: { all: [{ item: 'NPS', op: 'npsGroup', group: 'detractor' }] },
			items: [{ code: 'FIXED', kind: 'likert', text: t('Was it put right?', '问题解决了吗？'), required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false }]
		}
	]
};

// Four responses, two of them detractors (NPS 2 and 5): FIXED is asked of 2 of 4.
const posts = [
	{ NPS: '9', STAFF: '5' },
	{ NPS: '2', STAFF: '2', FIXED: '1' },
	{ NPS: '8', STAFF: '4', FIXED: '5' },
	{ NPS: '5', STAFF: '3', FIXED: '3' }
];

describe.skipIf(!chromiumPath)('reports of surveys with display conditions', () => {
	const database = tempDatabase('report-conditions');
	const { db, dbPath } = database;
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let surveyId = '';

	beforeAll(async () => {
		await database.migrate();
		const owner = await insertUser(db, { email: researcher.email, name: 'Rita', passwordHash: await hashPassword(researcher.password), role: 'researcher' });
		surveyId = (await insertOpenSurvey(db, { ownerId: owner.id, code: 'detractors', title: 'Branch service survey', settings: kitchenSettings, definition: detractorFollowUp })).id;
		const survey = (await findSurveyById(db, surveyId))!;
		for (const raw of posts) {
			const outcome = await submitResponse(db, { survey, raw, language: 'zh-CN', source: 'web' });
			if (!outcome.ok) throw new Error(`planted response refused: ${outcome.reason}`);
		}
		({ server, browser, context, page } = await openApp({ server: { dbPath } }));
		await submitLogin(page, server.url, researcher);
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));
	});
	afterAll(() => closeAll({ browser, server, database }));
	beforeEach(() => {
		expect.hasAssertions();
	});

	// The item table's row (the IPA legend names the item too, without the sentence).
	const fixedRow = () => page.getByRole('row').filter({ hasText: 'FIXED' }).filter({ hasText: /Asked of|被问到/ });

	it('says in English of how many responses an item was asked, and when', async () => {
		await page.goto(`${server.url}/surveys/${surveyId}/report`);
		await expect.poll(() => fixedRow().count(), { timeout: 20_000 }).toBe(1);
		expect(await fixedRow().getByText('Asked of 2 of 4 (Shown when NPS places the respondent among the detractors (0–6))').isVisible()).toBe(true);
		expect(await page.getByRole('row').filter({ hasText: 'STAFF' }).getByText('Asked of').count()).toBe(0);
		await expectAccessible(page);
		await screenshot(page, 'report-conditions-en');
	});

	it('says it in Chinese', async () => {
		await context.addCookies([{ name: 'lang', value: 'zh-CN', url: server.url }]);
		await page.goto(`${server.url}/surveys/${surveyId}/report`);
		await expect.poll(() => fixedRow().getByText('4 人中有 2 人被问到（NPS的回答属于贬损者（0–6分）时显示）').isVisible(), { timeout: 20_000 }).toBe(true);
		await screenshot(page, 'report-conditions-zh');
	});
});
