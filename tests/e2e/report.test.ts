// Demo workspace → dashboard → report, in English and Chinese; choosing the CSI weight method;
// the print view. Screenshots go to tests/e2e/screenshots/ for people to look at.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, expectAccessible, screenshot } from './browser';
import { closeAll, openApp } from './harness';
import type { RunningServer } from './server';

const admin = { name: 'Ada Admin', email: 'ada@example.com', password: 'a long admin password' };

describe.skipIf(!chromiumPath)('reports in a browser', () => {
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		({ server, browser, context, page } = await openApp({ context: { viewport: { width: 1280, height: 900 } } }));
	});
	afterAll(() => closeAll({ browser, server }));
	beforeEach(() => {
		expect.hasAssertions();
	});

	async function useLanguage(lang: 'en' | 'zh-CN') {
		await context.addCookies([{ name: 'lang', value: lang, url: server.url }]);
	}

	async function openBankReport() {
		await page.goto(server.url);
		await page.getByRole('link', { name: /SERVQUAL/ }).first().click();
		await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toMatch(/SERVQUAL/);
	}

	it('loads the demo workspace from the setup page when asked', async () => {
		await page.goto(`${server.url}/setup`);
		await page.waitForLoadState('networkidle');
		await page.getByLabel('Name').fill(admin.name);
		await page.getByLabel('Email').fill(admin.email);
		await page.getByLabel('New password', { exact: true }).fill(admin.password);
		await page.getByLabel('Repeat the new password').fill(admin.password);
		await page.getByLabel('Load the demo workspace').check();
		await page.getByRole('button', { name: 'Create administrator' }).click();
		await expect.poll(() => page.locator('.survey-card').count(), { timeout: 60_000 }).toBe(2);
		expect(await page.getByText('The demo workspace is ready.').isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Load demo workspace' }).count()).toBe(0);
		expect(await page.getByRole('heading', { name: 'Three weakest dimensions' }).isVisible()).toBe(true);
		await expect.poll(() => page.locator('canvas').first().evaluate((c: HTMLCanvasElement) => c.width > 0)).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'dashboard-en');
	});

	it('opens the bank report with CSI, findings, charts and tables', async () => {
		await openBankReport();
		expect(await page.getByRole('heading', { name: 'Key findings' }).isVisible()).toBe(true);
		expect(await page.getByText('is the weakest dimension').isVisible()).toBe(true);
		expect(await page.getByRole('heading', { name: 'SERVQUAL gaps' }).isVisible()).toBe(true);
		expect(await page.getByRole('heading', { name: 'Importance–performance' }).isVisible()).toBe(true);
		expect(await page.getByText('reverse-coded').first().isVisible()).toBe(true);
		await expect.poll(() => page.locator('canvas').count()).toBeGreaterThan(2);
		await expectAccessible(page);
		await screenshot(page, 'report-en');
	});

	it('stores the weight method an editor chooses and uses it for the CSI', async () => {
		await page.getByLabel('Weight method for the CSI').selectOption('relativeWeights');
		await page.getByRole('button', { name: 'Use this method' }).click();
		await expect.poll(() => page.getByText('Weighted by: Relative weights').isVisible()).toBe(true);
		await page.reload();
		expect(await page.getByText('Weighted by: Relative weights').isVisible()).toBe(true);
	});

	it('filters by channel through a shareable URL', async () => {
		const base = new URL(page.url());
		await page.goto(`${base.origin}${base.pathname}?ch=BR-EAST&unit=quarter`);
		expect(await page.getByLabel('East branch', { exact: true }).isChecked()).toBe(true);
		expect(await page.getByText('fell').first().isVisible()).toBe(true);
		await expectAccessible(page);
	});

	it('reads in Chinese', async () => {
		await useLanguage('zh-CN');
		await page.goto(server.url);
		await expect.poll(() => page.getByRole('heading', { name: '得分最低的三个维度' }).isVisible()).toBe(true);
		await screenshot(page, 'dashboard-zh');
		await openBankReport();
		expect(await page.getByRole('heading', { name: '主要发现' }).isVisible()).toBe(true);
		expect(await page.getByText('是得分最低的维度').isVisible()).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'report-zh');
		await useLanguage('en');
	});

	type Box = { x: number; y: number; w: number; h: number };
	const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

	/** The number boxes a quadrant chart left on its canvas, once it has drawn. */
	async function labelBoxes(canvasSelector: string): Promise<Box[]> {
		const canvas = page.locator(canvasSelector);
		await expect.poll(() => canvas.getAttribute('data-label-boxes')).not.toBeNull();
		return JSON.parse((await canvas.getAttribute('data-label-boxes'))!) as Box[];
	}

	it('numbers the IPA markers with no two labels overlapping, at 1366 and 375 px in both languages', async () => {
		for (const lang of ['en', 'zh-CN'] as const) {
			await useLanguage(lang);
			for (const width of [1366, 375]) {
				await page.setViewportSize({ width, height: 900 });
				await openBankReport();
				const boxes = await labelBoxes('#ipa-heading ~ figure canvas');
				expect(boxes).toHaveLength(24);
				for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), `${lang} ${width}px: labels ${i + 1} and ${j + 1}`).toBe(false);
				expect(await page.locator('table.legend tbody tr').count()).toBe(24);
				expect(await page.locator('#htmt-heading').isVisible()).toBe(true);
				expect(await page.locator('.quadrant-list').textContent()).not.toMatch(/[A-Z]{3}\d?_P/);
				await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
				await screenshot(page, `report-${lang}-${width}`);
				for (const part of ['ipa', 'segments', 'rel', 'comparison']) await page.locator(`section[aria-labelledby="${part}-heading"]`).screenshot({ path: `tests/e2e/screenshots/report-${part}-${lang}-${width}.png` });
			}
		}
		await useLanguage('en');
		await page.setViewportSize({ width: 1280, height: 900 });
		const json = (await (await page.request.get(`${page.url().split('?')[0]}/report.json`)).json()) as { model: { htmt: { dimensions: string[] }; segments: { satisfactionLoyalty: { axes: unknown[] } } } };
		expect(json.model.htmt.dimensions).toHaveLength(5);
		expect(json.model.segments.satisfactionLoyalty.axes).toHaveLength(2);
	}, 240_000);

	it('draws each competitor\'s importance × gap matrix with numbered dimensions, no two labels overlapping, at 1366 and 375 px in both languages', async () => {
		for (const lang of ['en', 'zh-CN'] as const) {
			await useLanguage(lang);
			for (const width of [1366, 375]) {
				await page.setViewportSize({ width, height: 900 });
				await openBankReport();
				for (const brand of ['bank-b', 'bank-c']) {
					const boxes = await labelBoxes(`#matrix-${brand} + p + figure canvas`);
					expect(boxes).toHaveLength(5);
					for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), `${brand} ${lang} ${width}px: labels ${i + 1} and ${j + 1}`).toBe(false);
					const section = page.locator(`section[aria-labelledby="brand-${brand}-heading"]`);
					expect(await section.locator('table.matrix-legend tbody tr').count()).toBe(5);
					await section.screenshot({ path: `tests/e2e/screenshots/report-competitor-${brand}-${lang}-${width}.png` });
				}
				const trend = page.locator('#trend-bank-b ~ figure');
				expect(await trend.locator('canvas').count()).toBe(1);
				expect(await trend.locator('table.gap-trend tbody tr').count()).toBe(8);
				// The planted lead and trail against Bank B head the matrix's two important quadrants.
				const legend = page.locator('section[aria-labelledby="brand-bank-b-heading"] table.matrix-legend tbody');
				expect(await legend.locator('tr').first().locator('th').textContent()).toBe(lang === 'en' ? 'Responsiveness' : '响应性');
				await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
			}
		}
		await useLanguage('en');
		await page.setViewportSize({ width: 1280, height: 900 });
		type Brand = { code: string; trend: { period: string; dimensions: Record<string, { difference: number; p: number }> }[] };
		const json = (await (await page.request.get(`${page.url().split('?')[0]}/report.json`)).json()) as { model: { competitors: Brand[] } };
		const bankB = json.model.competitors.find((b) => b.code === 'bank-b')!;
		expect(bankB.trend).toHaveLength(8);
		expect(bankB.trend.every((p) => p.dimensions.REL.difference > 0 && p.dimensions.REL.p < 0.05)).toBe(true);
	}, 240_000);

	it('prints without the controls and keeps the charts', async () => {
		await openBankReport();
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('form.filters').isVisible()).toBe(false);
		expect(await page.locator('canvas').first().isVisible()).toBe(true);
		await screenshot(page, 'report-print');
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		expect(pdf.byteLength).toBeGreaterThan(50_000);
		await page.emulateMedia({ media: 'screen' });
	});

	it('shows the ECSI path model and stays within a phone screen', async () => {
		await page.goto(server.url);
		await page.getByRole('link', { name: /ECSI/ }).first().click();
		await expect.poll(() => page.getByRole('heading', { name: 'Structural model (PLS)' }).isVisible(), { timeout: 20_000 }).toBe(true);
		await screenshot(page, 'report-ecsi');
		await page.setViewportSize({ width: 320, height: 700 });
		// Chart.js follows the new width on its next animation frame.
		await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await screenshot(page, 'report-320');
		await page.setViewportSize({ width: 1280, height: 900 });
	});
});
