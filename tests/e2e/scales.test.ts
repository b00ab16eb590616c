// Scales on every width: the boxes of 5-, 7- and 11-point scales (alone, paired, in grids) measured
// at phone, tablet and desktop widths in both languages.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

	beforeAll(async () => {
		await database.migrate();
		await seedSurvey(db, { code: 'scales', definition: scalesSurvey, settings: noWelcome });
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
});
