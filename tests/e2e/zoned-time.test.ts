// A Shanghai survey opening at 09:00 says 09:00 and names China's zone everywhere, although the
// server runs in UTC and the browser in Los Angeles: with JavaScript off (server rendering), and on
// (hydration, then pages the browser renders itself after a client-side navigation).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createSession } from '../../src/lib/server/auth/session';
import { createSurvey, setSurveyStatus } from '../../src/lib/server/design/surveys';
import { insertInvitations } from '../../src/lib/server/repo/invitations';
import { insertUser } from '../../src/lib/server/repo/users';
import { chromiumPath, expectAccessible, launchBrowser, screenshot } from './browser';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';

const opensAt = Date.UTC(2030, 11, 2, 1, 0); // 09:00 on 2 December 2030 in Shanghai
const expected = {
	en: {
		notice: 'This survey opens on December 2, 2030 at 9:00 AM (China Standard Time).',
		window: 'Dec 2, 2030, 9:00 AM (China Standard Time) – not set',
		batch: 'Dec 2, 2030, 9:00 AM (China Standard Time)',
		zone: '(China Standard Time)',
		hint: 'In the survey’s time zone, China Standard Time; leave empty for no limit. Now set to Dec 2, 2030, 9:00 AM (China Standard Time).',
		settingsTab: 'Settings'
	},
	'zh-CN': {
		notice: '本问卷将于 2030年12月2日 09:00（中国标准时间）开放。',
		window: '2030年12月2日 09:00（中国标准时间） – 未设定',
		batch: '2030年12月2日 09:00（中国标准时间）',
		zone: '（中国标准时间）',
		hint: '按问卷时区（中国标准时间）填写；留空表示不限。目前设为 2030年12月2日 09:00（中国标准时间）。',
		settingsTab: '设置'
	}
} as const;
type Language = keyof typeof expected;

// Chromium writes a narrow no-break space before AM/PM; the rendered text may wrap lines.
const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0\s]+/g, ' ').trim();

describe.skipIf(!chromiumPath)('dates in the survey’s time zone', () => {
	const database = tempDatabase('zoned');
	const { db, dbPath } = database;
	let server: RunningServer;
	let browser: Browser;
	let surveyId = '';
	let code = '';
	let session = '';

	beforeAll(async () => {
		await database.migrate();
		const researcher = await insertUser(db, { email: 'wei@example.com', name: 'Wei', passwordHash: 'x', role: 'researcher' });
		const created = await createSurvey(db, researcher, {
			title: { 'zh-CN': '网点服务调查', en: 'Branch service survey' },
			languages: ['zh-CN', 'en'],
			defaultLanguage: 'zh-CN',
			timeZone: 'Asia/Shanghai',
			source: { kind: 'template', template: 'servqual' }
		});
		if (!created.ok) throw new Error(created.reason);
		const opened = await setSurveyStatus(db, researcher, created.value.id, 'open');
		if (!opened.ok) throw new Error(opened.reason);
		await db.updateTable('surveys').set({ opens_at: opensAt }).where('id', '=', created.value.id).execute();
		await insertInvitations(db, created.value.id, [null], { batch: 'December mailing', channelCode: null, now: opensAt });
		surveyId = created.value.id;
		code = created.value.code;
		session = (await createSession(db, researcher.id)).token;
		const now = Date.now();
		await db.insertInto('indicator_systems').values({ id: 'sys', owner_id: researcher.id, name_zh: '服务质量', name_en: 'Service quality', description: '', template: null, archived: 0, created_at: now, updated_at: now }).execute();
		const dimension = (code: string, position: number) => ({ id: code, system_id: 'sys', parent_id: null, code, name_zh: code, name_en: code, description: '', position, model_role: null, weights: '{}' });
		await db.insertInto('indicator_nodes').values([dimension('REL', 0), dimension('RES', 1)]).execute();
		server = await startServer({ dbPath, env: { TZ: 'UTC' } });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await closeAll({ browser, server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	async function open(language: Language, javaScript: boolean): Promise<Page> {
		const context = await browser.newContext({
			timezoneId: 'America/Los_Angeles',
			javaScriptEnabled: javaScript,
			locale: language === 'en' ? 'en-GB' : 'zh-CN',
			viewport: javaScript ? { width: 1366, height: 900 } : { width: 375, height: 812 }
		});
		await context.addCookies([{ name: 'session', value: session, url: server.url }]);
		return context.newPage();
	}

	const noticeText = (page: Page) => page.locator('.notice .headline').textContent().then(plain);
	const windowText = (page: Page) => page.locator('dd').nth(4).textContent().then(plain);
	const hintText = (page: Page) => page.locator('#opensAt-hint').textContent().then(plain);

	describe.each([false, true])('with JavaScript %s', (javaScript) => {
		const width = javaScript ? 1366 : 375;

		it.each(['en', 'zh-CN'] as const)('tells a respondent when the survey opens (%s)', async (language) => {
			const page = await open(language, javaScript);
			await page.goto(`${server.url}/s/${code}?lang=${language}`);
			expect(await noticeText(page)).toBe(expected[language].notice);
			if (javaScript) {
				await page.waitForLoadState('networkidle');
				expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/Los_Angeles');
				expect(await noticeText(page)).toBe(expected[language].notice);
				// The other language's link is followed in the browser, which writes the date itself.
				const other: Language = language === 'en' ? 'zh-CN' : 'en';
				await page.locator(`.languages a[lang="${other}"]`).click();
				await expect.poll(() => noticeText(page)).toBe(expected[other].notice);
				await page.goBack();
				await expect.poll(() => noticeText(page)).toBe(expected[language].notice);
			}
			await screenshot(page, `zoned-notice-${width}-${language}`);
			await page.context().close();
		});

		it.each(['en', 'zh-CN'] as const)('shows the researcher the window and the settings in the survey’s zone (%s)', async (language) => {
			const page = await open(language, javaScript);
			await page.goto(`${server.url}/surveys/${surveyId}`);
			expect(await windowText(page)).toBe(expected[language].window);
			await screenshot(page, `zoned-overview-${width}-${language}`);
			if (javaScript) {
				await page.waitForLoadState('networkidle');
				expect(await windowText(page)).toBe(expected[language].window);
				await expectAccessible(page);
				await page.getByRole('link', { name: expected[language].settingsTab, exact: true }).click();
				await page.waitForURL(/\/settings$/);
			} else {
				await page.goto(`${server.url}/surveys/${surveyId}/settings`);
			}
			expect(await page.locator('#opensAt').inputValue()).toBe('2030-12-02T09:00');
			expect(await hintText(page)).toBe(expected[language].hint);
			if (javaScript) await expectAccessible(page);
			await screenshot(page, `zoned-settings-${width}-${language}`);
			await page.context().close();
		});

		it.each(['en', 'zh-CN'] as const)('dates the survey list and the invitation batches in the survey’s zone (%s)', async (language) => {
			const page = await open(language, javaScript);
			await page.goto(`${server.url}/surveys`);
			expect(plain(await page.locator('tbody tr').first().textContent())).toContain(expected[language].zone);
			await screenshot(page, `zoned-surveys-${width}-${language}`);
			await page.goto(`${server.url}/surveys/${surveyId}/distribute`);
			if (javaScript) await page.waitForLoadState('networkidle');
			const batchRow = page.locator('tr', { hasText: 'December mailing' });
			expect(plain(await batchRow.locator('td').nth(3).textContent())).toBe(expected[language].batch);
			await screenshot(page, `zoned-distribute-${width}-${language}`);
			// The longer dates widen the table, which scrolls in its own box, never the phone's page.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
			await page.context().close();
		});
	});

	it('ends an AHP deadline day on the server’s clock, which the page names, not on the browser’s', async () => {
		const page = await open('en', true);
		await page.goto(`${server.url}/systems/sys/ahp/new`);
		await page.waitForLoadState('networkidle');
		expect(plain(await page.locator('#deadline-hint').textContent())).toBe('Optional. Experts can answer until the end of this day, Coordinated Universal Time.');
		await page.getByLabel('Title').fill('Experts 2030');
		await page.getByLabel('Deadline').fill('2030-12-05');
		await page.getByRole('button', { name: 'Create round' }).click();
		await expect.poll(() => page.getByRole('heading', { name: 'Experts 2030' }).isVisible()).toBe(true);
		const round = await db.selectFrom('ahp_rounds').select('deadline').executeTakeFirstOrThrow();
		expect(Number(round.deadline)).toBe(Date.UTC(2030, 11, 5, 23, 59, 59, 999));
		expect(plain(await page.getByText('Open until').textContent())).toContain('Open until Dec 5, 2030, 11:59 PM (Coordinated Universal Time).');
		await page.context().close();
	});
});
