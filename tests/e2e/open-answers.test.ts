// Open answers in a real browser, in English and in 中文, on a desktop and a phone: the themes,
// the words detractors use more than promoters, and picking a word filters the answers (a link,
// so it works without JavaScript too). A viewer sees the themes but not the answers until shared.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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
const viewer = { email: 'vera@example.com', password: 'a long viewer password' };

const definition: SurveyDefinition = {
	sections: [
		{
			code: 'ALL',
			title: t('Overall', '总体评价'),
			items: [
				{ code: 'NPS', kind: 'nps', text: t('How likely are you to recommend us?', '您向朋友推荐我们的可能性有多大？'), required: true, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false },
				{ code: 'STAFF', kind: 'likert', text: t('Staff were friendly', '员工很友好'), required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false },
				{ code: 'WHY', kind: 'text', text: t('What is the main reason for your score?', '您打这个分数的主要原因是什么？'), required: false, maxLength: 500, multiline: true }
			]
		}
	]
};

const posts = [
	{ NPS: '2', STAFF: '2', WHY: '排队时间太长，手续费太贵' },
	{ NPS: '3', STAFF: '1', WHY: '排队太久，柜台只开了一个窗口' },
	{ NPS: '5', STAFF: '3', WHY: 'The queue was far too long and the fees are high' },
	{ NPS: '10', STAFF: '5', WHY: '员工很热情，办理业务很快' },
	{ NPS: '9', STAFF: '5', WHY: 'Friendly staff, quick service' },
	{ NPS: '8', STAFF: '4', WHY: '手机银行很方便' }
];

describe.skipIf(!chromiumPath)('open answers', () => {
	const database = tempDatabase('open-answers');
	const { db, dbPath } = database;
	let server: RunningServer;
	let browser: Browser;
	let page: Page;
	let surveyId = '';
	let closedId = '';
	let quietId = '';

	beforeAll(async () => {
		await database.migrate();
		const owner = await insertUser(db, { email: researcher.email, name: 'Rita', passwordHash: await hashPassword(researcher.password), role: 'researcher' });
		const reader = await insertUser(db, { email: viewer.email, name: 'Vera', passwordHash: await hashPassword(viewer.password), role: 'viewer' });
		surveyId = (await insertOpenSurvey(db, { ownerId: owner.id, code: 'verbatims', title: 'Branch service survey', settings: kitchenSettings, definition })).id;
		const withoutOpen = { sections: [{ ...definition.sections[0], items: definition.sections[0].items.filter((i) => i.kind !== 'text') }] };
		closedId = (await insertOpenSurvey(db, { ownerId: owner.id, code: 'closed', title: 'Closed questions only', settings: kitchenSettings, definition: withoutOpen })).id;
		quietId = (await insertOpenSurvey(db, { ownerId: owner.id, code: 'quiet', title: 'Nobody wrote', settings: kitchenSettings, definition })).id;
		await db.insertInto('survey_shares').values({ survey_id: surveyId, user_id: reader.id, access: 'view', created_at: Date.now() }).execute();
		const survey = (await findSurveyById(db, surveyId))!;
		for (const [k, raw] of posts.entries()) {
			const outcome = await submitResponse(db, { survey, raw, language: 'zh-CN', source: 'web', now: Date.UTC(2026, 10, 2, 8, k) });
			if (!outcome.ok) throw new Error(`planted response refused: ${outcome.reason}`);
		}
		({ server, browser, page } = await openApp({ server: { dbPath }, context: { viewport: { width: 1366, height: 900 } } }));
	});
	afterAll(() => closeAll({ browser, server, database }));
	beforeEach(() => {
		expect.hasAssertions();
	});

	const answers = () => page.locator('ol.answers > li blockquote').allInnerTexts();

	it('shows themes and answers in English, and a picked word filters the answers', async () => {
		await submitLogin(page, server.url, researcher);
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));
		await page.goto(`${server.url}/surveys/${surveyId}/answers`);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Open answers: Branch service survey');
		expect(await answers()).toHaveLength(6);
		await expectAccessible(page);
		await screenshot(page, 'open-answers-en-1366');
		const detractorSide = page.getByRole('table', { name: 'More often from detractors' });
		await detractorSide.getByRole('link', { name: '排队', exact: true }).click();
		await page.waitForURL((url) => url.searchParams.get('term') === '排队');
		expect(await answers()).toEqual(['排队太久，柜台只开了一个窗口', '排队时间太长，手续费太贵']);
		expect(await page.getByText('Answers mentioning “排队”').isVisible()).toBe(true);
		await page.setViewportSize({ width: 375, height: 800 });
		await screenshot(page, 'open-answers-en-375');
	});

	it('searches literally and says so when nothing matches', async () => {
		await page.goto(`${server.url}/surveys/${surveyId}/answers?q=${encodeURIComponent("(.*)'; DROP TABLE responses; --")}`);
		expect(await page.getByText('No answers match these filters.').isVisible()).toBe(true);
		await page.goto(`${server.url}/surveys/${surveyId}/answers?from=2030-01`);
		expect(await page.getByText('No one has answered an open question in this period').isVisible()).toBe(true);
	});

	it('shows a clear empty state, never an error, for odd searches, a survey without open questions and one nobody answered', async () => {
		for (const q of ['%', '\\', '[a-z]+', "' OR 1=1 --", '<script>alert(1)</script>', '排队%']) {
			const response = await page.goto(`${server.url}/surveys/${surveyId}/answers?q=${encodeURIComponent(q)}`);
			expect(response!.status(), q).toBe(200);
			expect(await page.getByText('No answers match these filters.').isVisible(), q).toBe(true);
			expect(await page.locator('#q').inputValue(), q).toBe(q);
		}
		await page.goto(`${server.url}/surveys/${closedId}/answers`);
		expect(await page.getByText('This questionnaire has no open questions').isVisible()).toBe(true);
		await page.goto(`${server.url}/surveys/${quietId}/answers`);
		expect(await page.getByText('No one has answered an open question yet.').isVisible()).toBe(true);
		await page.goto(`${server.url}/surveys/${quietId}/answers?from=2026-11`);
		expect(await page.getByText('No one has answered an open question in this period').isVisible()).toBe(true);
	});

	it('shows the page in Chinese, on a phone and a desktop', async () => {
		await page.context().addCookies([{ name: 'lang', value: 'zh-CN', url: server.url }]);
		await page.goto(`${server.url}/surveys/${surveyId}/answers`);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('开放题回答：网点服务满意度调查');
		await page.getByRole('table', { name: '推荐者更常提到' }).getByRole('link', { name: '热情', exact: true }).click();
		await page.waitForURL((url) => url.searchParams.get('term') === '热情');
		expect(await answers()).toEqual(['员工很热情，办理业务很快']);
		await screenshot(page, 'open-answers-zh-375');
		await page.setViewportSize({ width: 1366, height: 900 });
		await page.goto(`${server.url}/surveys/${surveyId}/answers`);
		await expectAccessible(page);
		await screenshot(page, 'open-answers-zh-1366');
	});

	it('shows a viewer the themes only, until the owner shares the answers', async () => {
		await page.context().clearCookies();
		await submitLogin(page, server.url, viewer);
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));
		await page.goto(`${server.url}/surveys/${surveyId}/answers`);
		expect(await page.getByRole('table', { name: 'Words' }).isVisible()).toBe(true);
		expect(await answers()).toEqual([]);
		expect(await page.getByText('has not shared the answers themselves').isVisible()).toBe(true);
		await db.insertInto('open_answer_sharing').values({ survey_id: surveyId, shared: 1, updated_by: null, updated_at: Date.now() }).execute();
		await page.reload();
		expect(await answers()).toHaveLength(6);
	});
});
