// Scales on every width: the boxes of 5-, 7- and 11-point scales (alone, paired, in grids) measured
// at phone, tablet and desktop widths in both languages; and the designer's phone preview drawing
// exactly what a real 375 px phone draws.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { createSession } from '../../src/lib/server/auth/session';
import { chromiumPath, expectAccessible, launchBrowser, screenshot } from './browser';
import { closeAll, tempDatabase } from './harness';
import { seedSurvey } from './respond-fixtures';
import { measureScales, scaleProblems, scalesSurvey } from './scale-layout';
import { startServer, type RunningServer } from './server';

const noWelcome = { welcome: { en: '', 'zh-CN': '' } };

describe.skipIf(!chromiumPath)('scales at every width', () => {
	const database = tempDatabase('scales');
	const { db, dbPath } = database;
	let server: RunningServer;
	let browser: Browser;
	let surveyId = '';

	beforeAll(async () => {
		await database.migrate();
		({ id: surveyId } = await seedSurvey(db, { code: 'scales', definition: scalesSurvey, settings: noWelcome }));
		server = await startServer({ dbPath });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await closeAll({ browser, server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	async function openAt(width: number, locale: string): Promise<Page> {
		const context = await browser.newContext({ viewport: { width, height: 900 }, locale, isMobile: width < 600, hasTouch: width < 600 });
		return context.newPage();
	}

	for (const language of ['en', 'zh-CN'] as const) {
		for (const width of [320, 375, 768, 1366]) {
			it(`draws every scale in one row with its end labels under its ends at ${width} px in ${language}`, async () => {
				const page = await openAt(width, language);
				await page.goto(`${server.url}/s/scales?lang=${language}`);
				const { pageOverflows, scales } = await measureScales(page);
				expect(scales.map((s) => s.code)).toEqual(['L5', 'L7', 'SAT', 'NPS', 'P7_E', 'P7_P', 'G7A', 'G7B', 'G11A', 'G11B', 'LB5']);
				expect(pageOverflows).toBe(false);
				expect(scales.flatMap(scaleProblems)).toEqual([]);
				if (width !== 768) await screenshot(page, `scales-${width}-${language}`);
				if (width === 320) await expectAccessible(page);
				await page.context().close();
			});
		}
	}

	/** The points' places within their question: what a respondent sees, wherever the page scrolls. */
	async function pointPlaces(target: Page | Frame) {
		const { scales } = await measureScales(target);
		return scales.map((s) => ({ code: s.code, points: s.points.map((p) => [p.left - s.fieldset.left, p.top - s.fieldset.top, p.right - p.left, p.bottom - p.top].map(Math.round)) }));
	}

	it('previews on a phone exactly what a 375 px phone shows', async () => {
		const survey = await db.selectFrom('surveys').select('owner_id').where('id', '=', surveyId).executeTakeFirstOrThrow();
		const { token } = await createSession(db, survey.owner_id);
		const page = await openAt(1366, 'en-GB');
		await page.context().addCookies([{ name: 'session', value: token, url: server.url }]);
		await page.goto(`${server.url}/surveys/${surveyId}/preview?lang=zh-CN&width=phone`);
		const frame = await (await page.waitForSelector('iframe')).contentFrame();
		expect(frame).not.toBeNull();
		await frame!.waitForSelector('.scale-question');
		expect(await frame!.evaluate(() => window.innerWidth)).toBe(375);
		await expectAccessible(page);
		await screenshot(page, 'scales-preview-phone-zh');

		const phone = await openAt(375, 'zh-CN');
		await phone.goto(`${server.url}/s/scales?lang=zh-CN`);
		expect(await pointPlaces(frame!)).toEqual(await pointPlaces(phone));
		await phone.context().close();
		await page.context().close();
	});
});
