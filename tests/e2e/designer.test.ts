// A researcher builds a SERVQUAL survey from the template, edits an item (autosaved), previews it
// at phone width in 中文, opens it, and after a response sees the versioning rule at work; then
// shows a section only to NPS detractors, with JavaScript and without it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../src/lib/server/auth/password';
import { insertUser } from '../../src/lib/server/repo/users';
import { chromiumPath, expectAccessible, screenshot } from './browser';
import { seedFollowUp } from './designer-fixtures';
import { closeAll, openApp, submitLogin, tempDatabase } from './harness';
import type { RunningServer } from './server';

const researcher = { email: 'rita@example.com', password: 'a long researcher password' };

describe.skipIf(!chromiumPath)('designer in a browser', () => {
	const database = tempDatabase('designer');
	const { db, dbPath } = database;
	let server: RunningServer;
	let browser: Browser;
	let page: Page;
	let surveyPath = '';

	beforeAll(async () => {
		await database.migrate();
		const passwordHash = await hashPassword('a long admin password');
		await insertUser(db, { email: 'admin@example.com', name: 'Ada', passwordHash, role: 'admin' });
		await insertUser(db, { email: 'vic@example.com', name: 'Vic', passwordHash, role: 'viewer' });
		await insertUser(db, { email: researcher.email, name: 'Rita', passwordHash: await hashPassword(researcher.password), role: 'researcher' });
		({ server, browser, page } = await openApp({ server: { dbPath } }));
	});
	afterAll(async () => {
		await closeAll({ browser, server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	const saveState = () => page.locator('.save-state').getAttribute('data-state');
	const noSideScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

	it('creates a SERVQUAL survey from the template', async () => {
		await submitLogin(page, server.url, researcher);
		await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).not.toBe('/login');
		await page.getByRole('link', { name: 'Surveys' }).first().click();
		await page.getByRole('link', { name: 'New survey' }).click();
		await expectAccessible(page);
		await page.getByLabel('SERVQUAL service quality').check();
		await page.getByLabel('Title (Chinese)').fill('网点服务质量调查');
		await page.getByRole('button', { name: 'Create survey' }).click();
		// The English title was left empty: the form says so and keeps the rest.
		await expect.poll(() => page.locator('#title-en-error').textContent()).toContain('Please fill this in');
		expect(await page.getByLabel('Title (Chinese)').inputValue()).toBe('网点服务质量调查');
		await page.getByLabel('Title (English)').fill('Branch service quality');
		await page.getByRole('button', { name: 'Create survey' }).click();
		await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/surveys\/\w+\/design$/);
		surveyPath = new URL(page.url()).pathname.replace(/\/design$/, '');
		expect(await page.locator('details.item').count()).toBe(22);
		expect(await page.getByRole('heading', { name: 'Section 1 (TAN)' }).isVisible()).toBe(true);
		await expect.poll(() => page.locator('[data-plan]').getAttribute('data-plan')).toBe('first');
	});

	it('edits an item, autosaves, undoes and reorders by keyboard', async () => {
		const first = page.locator('details.item').first();
		await first.locator('summary').click();
		const perception = first.getByLabel('Perception wording (English)');
		await perception.fill('This bank has up-to-date equipment.');
		await perception.blur();
		await expect.poll(saveState, { timeout: 10_000 }).toBe('saved');
		await expectAccessible(page);
		await screenshot(page, 'designer-desktop');

		await first.getByRole('button', { name: 'Move down TAN1' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('details.item summary .code').first().textContent()).toBe('TAN2');
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect.poll(() => page.locator('details.item summary .code').first().textContent()).toBe('TAN1');
		await expect.poll(saveState, { timeout: 10_000 }).toBe('saved');

		await page.reload();
		await page.locator('details.item').first().locator('summary').click();
		expect(await page.locator('details.item').first().getByLabel('Perception wording (English)').inputValue()).toBe('This bank has up-to-date equipment.');
		await page.setViewportSize({ width: 320, height: 800 });
		expect(await noSideScroll()).toBe(true);
		await screenshot(page, 'designer-320');
		await page.setViewportSize({ width: 1280, height: 800 });
	});

	it('previews the questionnaire at phone width in 中文, as respondents see it', async () => {
		await page.getByRole('link', { name: 'Preview' }).first().click();
		await page.getByRole('link', { name: '中文' }).click();
		await page.getByRole('link', { name: 'Phone' }).click();
		await page.setViewportSize({ width: 375, height: 800 });
		await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('zh-CN');
		// The questionnaire is drawn in a phone-sized frame of its own.
		const phone = page.frameLocator('iframe');
		await expect.poll(() => phone.getByRole('heading', { level: 1, name: '网点服务质量调查' }).isVisible()).toBe(true);
		expect(await phone.getByRole('heading', { name: '有形性' }).isVisible()).toBe(true);
		expect(await phone.getByText('该企业拥有现代化的设备。').count()).toBeGreaterThan(0);
		expect(await phone.getByText('第 1 页', { exact: false }).count()).toBeGreaterThan(0);
		expect(await noSideScroll()).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'designer-preview-phone-zh');
		await phone.getByRole('link', { name: '下一页' }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('1');
		await expect.poll(() => phone.getByRole('heading', { name: '可靠性' }).isVisible()).toBe(true);
		await page.setViewportSize({ width: 1280, height: 800 });
	});

	it('opens the survey, then tells a wording fix from a structural change once a response exists', async () => {
		await page.goto(`${server.url}${surveyPath}/settings`);
		await page.getByRole('button', { name: 'Open the survey' }).click();
		await expect.poll(() => page.getByText('The survey is open.').first().isVisible()).toBe(true);
		const survey = await db.selectFrom('surveys').selectAll().executeTakeFirstOrThrow();
		expect(survey.status).toBe('open');
		await db
			.insertInto('responses')
			.values({ id: 'r1', survey_id: survey.id, version_id: survey.current_version_id!, language: 'zh-CN', channel_code: null, invitation_id: null, respondent_key: null, source: 'web', started_at: null, submitted_at: Date.now(), duration_ms: null, answers: '{}', counted: 0 })
			.execute();
		await db.updateTable('surveys').set({ response_count: 1 }).execute();

		await page.goto(`${server.url}${surveyPath}/design`);
		const first = page.locator('details.item').first();
		await first.locator('summary').click();
		await first.getByLabel('Short name (English)').fill('Up-to-date equipment');
		await first.getByLabel('Short name (English)').blur();
		await expect.poll(() => page.locator('[data-plan]').textContent()).toContain('This is a wording fix');
		await first.getByLabel('Reverse-coded').check();
		await expect.poll(() => page.locator('[data-plan]').textContent()).toContain('This is a structural change: version 2 will be created');
		expect(await page.locator('[data-plan]').textContent()).toContain('Item TAN1: reverse coding changed');
		await expect.poll(saveState, { timeout: 10_000 }).toBe('saved');
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Publish draft' }).click();
		await expect.poll(() => page.getByText('Version 2 is published').isVisible()).toBe(true);
		const versions = await db.selectFrom('survey_versions').select(['number', 'definition']).orderBy('number').execute();
		expect(versions.map((v) => v.number)).toEqual([1, 2]);
		expect(JSON.parse(versions[0].definition).sections[0].items[0].reversed).toBe(false);
	});

	it('shows the indicator tree the template made, in 中文 at 320 px', async () => {
		await page.goto(`${server.url}/systems`);
		await page.locator('table a').first().click();
		// The language switch sends the reader back to the page it was posted from, so the system's page must have arrived first.
		await page.waitForURL(/\/systems\/[^/]+$/);
		await page.getByRole('button', { name: '中文' }).click();
		await expect.poll(() => page.getByRole('heading', { name: '指标树' }).isVisible()).toBe(true);
		expect(await page.locator('.tree li').count()).toBe(27);
		await expectAccessible(page);
		await page.setViewportSize({ width: 320, height: 800 });
		expect(await noSideScroll()).toBe(true);
		await screenshot(page, 'designer-systems-320-zh');
		await page.setViewportSize({ width: 1280, height: 800 });
	});

	it('shares the survey with a viewer, and shows overview and settings in 中文 at 320 px', async () => {
		await page.goto(`${server.url}${surveyPath}/share`);
		await page.getByLabel('邮箱').fill('VIC@example.com');
		await page.getByRole('button', { name: '共享', exact: true }).click();
		await expect.poll(() => page.getByText('已共享给 vic@example.com：可查看报告。').isVisible()).toBe(true);
		const share = await db.selectFrom('survey_shares').selectAll().executeTakeFirstOrThrow();
		expect(share.access).toBe('view');
		await expectAccessible(page);
		await page.setViewportSize({ width: 320, height: 800 });
		for (const [path, name] of [['', 'overview'], ['/settings', 'settings'], ['/share', 'share']]) {
			await page.goto(`${server.url}${surveyPath}${path}`);
			expect(await noSideScroll(), path).toBe(true);
			await expectAccessible(page);
			await screenshot(page, `designer-${name}-320-zh`);
		}
		await page.setViewportSize({ width: 1280, height: 800 });
	});

	it('folds the items, opening one just added (with and without JavaScript)', async () => {
		await page.context().addCookies([{ name: 'lang', value: 'en', url: server.url }]);
		await page.goto(`${server.url}${surveyPath}/design`);
		const items = page.locator('details.item');
		const before = await items.count();
		expect(await items.nth(1).getAttribute('open')).toBeNull();
		await page.getByRole('button', { name: 'Add question' }).first().click();
		await expect.poll(() => items.count()).toBe(before + 1);
		const added = page.locator('section.section').first().locator('details.item').last();
		expect(await added.getAttribute('open')).not.toBeNull();
		expect(await added.getByLabel('Code').first().isVisible()).toBe(true);
		// Typing a code keeps the editor open and the caret in the field.
		await added.getByLabel('Code').first().click();
		await page.keyboard.press('End');
		await page.keyboard.type('XY');
		expect(await added.getByLabel('Code').first().inputValue()).toMatch(/XY$/);
		expect(await added.getAttribute('open')).not.toBeNull();
		await expect.poll(saveState, { timeout: 10_000 }).toBe('saved');

		const noJs = await (await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage();
		await noJs.goto(`${server.url}${surveyPath}/design`);
		await noJs.getByRole('button', { name: 'Add question' }).first().click();
		await expect.poll(() => noJs.locator('details.item').count()).toBe(before + 2);
		const addedNoJs = noJs.locator('section.section').first().locator('details.item').last();
		expect(await addedNoJs.getAttribute('open')).not.toBeNull();
		expect(await noJs.locator('details.item').nth(1).getAttribute('open')).toBeNull();
		await noJs.context().close();
	});

	describe('display conditions', () => {
		let designPath = '';
		const detractors = { all: [{ item: 'NPS', op: 'npsGroup', group: 'detractor' }] };
		const storedCondition = async () => JSON.parse((await db.selectFrom('surveys').select('draft').where('id', '=', designPath.split('/')[2]).executeTakeFirstOrThrow()).draft).sections[1].showIf;

		it('shows section 2 to detractors only, built with JavaScript: picked, changed, undone, removed', async () => {
			designPath = `/surveys/${await seedFollowUp(db, researcher.email)}/design`;
			await page.context().addCookies([{ name: 'lang', value: 'en', url: server.url }]);
			await page.goto(`${server.url}${designPath}`);
			await page.waitForLoadState('networkidle');
			const second = page.locator('section.section').nth(1);
			const condition = second.locator('fieldset.condition').first();
			await condition.getByRole('button', { name: 'Add a display condition' }).click();
			const sentence = second.locator('.section-head .shown-when');
			await expect.poll(() => sentence.textContent()).toBe('Shown when NPS places the respondent among the detractors (0–6).');
			expect(await condition.getByLabel('Question').locator('option').allTextContents()).toEqual(['NPS · How likely are you to recommend us?']);
			expect(await condition.getByLabel('Test').inputValue()).toBe('npsGroup');
			await condition.getByLabel('Group').selectOption('promoter');
			await expect.poll(() => sentence.textContent()).toContain('promoters (9–10)');
			await page.getByRole('button', { name: 'Undo' }).click();
			await expect.poll(() => sentence.textContent()).toContain('detractors (0–6)');
			await expect.poll(saveState, { timeout: 10_000 }).toBe('saved');
			expect(await storedCondition()).toEqual(detractors);
			await expectAccessible(page);
			await page.setViewportSize({ width: 1366, height: 900 });
			await screenshot(page, 'designer-condition-1366-en');
			await page.setViewportSize({ width: 375, height: 800 });
			expect(await noSideScroll()).toBe(true);
			await screenshot(page, 'designer-condition-375-en');
			await page.setViewportSize({ width: 1280, height: 800 });

			// On an item too, read in its folded line.
			const why = second.locator('details.item').first();
			await why.locator('summary').click();
			await why.getByRole('button', { name: 'Add a display condition' }).click();
			await expect.poll(() => why.locator('summary .shown-when').textContent()).toBe('Shown when NPS places the respondent among the detractors (0–6).');
			await why.getByRole('button', { name: 'Remove the condition' }).click();
			await expect.poll(() => why.locator('summary .shown-when').count()).toBe(0);

			await condition.getByRole('button', { name: 'Remove the condition' }).click();
			await expect.poll(() => sentence.count()).toBe(0);
			await expect.poll(saveState, { timeout: 10_000 }).toBe('saved');
			expect(await storedCondition()).toBeUndefined();
		});

		it('builds it again without JavaScript in 中文, each change a post, and refuses a question that is not earlier', async () => {
			const noJs = await (await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage();
			await noJs.context().addCookies([{ name: 'lang', value: 'zh-CN', url: server.url }]);
			await noJs.goto(`${server.url}${designPath}`);
			const condition = () => noJs.locator('section.section').nth(1).locator('fieldset.condition').first();
			const sentence = () => noJs.locator('section.section').nth(1).locator('.section-head .shown-when').textContent();
			await condition().getByRole('button', { name: '添加显示条件' }).click();
			await expect.poll(sentence).toBe('NPS的回答属于贬损者（0–6分）时显示。');
			await condition().getByLabel('判断').selectOption('lte');
			await condition().getByRole('button', { name: '更新条件' }).click();
			await expect.poll(() => condition().getByLabel('取值').inputValue()).toBe('5');
			await condition().getByLabel('取值').fill('6');
			await condition().getByRole('button', { name: '更新条件' }).click();
			await expect.poll(sentence).toBe('NPS不高于6时显示。');
			expect(await storedCondition()).toEqual({ all: [{ item: 'NPS', op: 'lte', value: 6 }] });
			await condition().getByLabel('判断').selectOption('npsGroup');
			await condition().getByRole('button', { name: '更新条件' }).click();
			await expect.poll(sentence).toBe('NPS的回答属于贬损者（0–6分）时显示。');
			expect(await storedCondition()).toEqual(detractors);

			// A post naming a question of the section itself: the message goes beside the field, nothing is saved.
			const base = await noJs.locator('input[name="base"]').inputValue();
			const refused = await noJs.request.post(`${server.url}${designPath}?/save`, {
				headers: { origin: server.url, accept: 'text/html' },
				form: { base, 'c1.mode': 'all', 'c1.0.item': 'WHY', 'c1.0.op': 'answered', 'c1.0.was': 'WHY answered' }
			});
			expect(refused.status()).toBe(400);
			const html = await refused.text();
			expect(html).toContain('id="f-c1-0-item-error"');
			expect(html).toContain('请选择位于此处之前的题目。');
			expect(await storedCondition()).toEqual(detractors);
			await noJs.context().close();

			// The same page with JavaScript (axe and screenshots need it), in 中文 at both widths.
			await page.context().addCookies([{ name: 'lang', value: 'zh-CN', url: server.url }]);
			await page.goto(`${server.url}${designPath}`);
			expect(await page.locator('section.section').nth(1).locator('.section-head .shown-when').textContent()).toBe('NPS的回答属于贬损者（0–6分）时显示。');
			await expectAccessible(page);
			await page.setViewportSize({ width: 1366, height: 900 });
			await screenshot(page, 'designer-condition-1366-zh');
			await page.setViewportSize({ width: 375, height: 800 });
			expect(await noSideScroll()).toBe(true);
			await screenshot(page, 'designer-condition-375-zh');
			await page.setViewportSize({ width: 1280, height: 800 });
			await page.context().addCookies([{ name: 'lang', value: 'en', url: server.url }]);
		});

		it('previews the section with its condition at phone width', async () => {
			await page.goto(`${server.url}${designPath.replace(/design$/, 'preview')}?lang=zh-CN&width=phone&page=1`);
			await page.setViewportSize({ width: 375, height: 800 });
			const note = page.getByRole('complementary', { name: 'Shown to some respondents only:' });
			await expect.poll(() => note.textContent()).toContain('S2 Shown when NPS places the respondent among the detractors (0–6).');
			await expect.poll(() => page.frameLocator('iframe').getByRole('heading', { name: '哪里做得不好' }).isVisible()).toBe(true);
			await expectAccessible(page);
			await screenshot(page, 'designer-condition-preview-375');
			await page.setViewportSize({ width: 1280, height: 800 });
		});
	});
});
