// Debian's chromium driven by playwright-core (no browser download). Suites skip, saying why,
// when chromium is not installed, except under CI=true where that fails the run.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { reportMissing } from '../prerequisites';

function findChromium(): string | undefined {
	if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
	try {
		return execSync('command -v chromium || command -v chromium-browser', { encoding: 'utf8' }).trim() || undefined;
	} catch {
		return undefined;
	}
}

export const chromiumPath = findChromium();
if (!chromiumPath) reportMissing('chromium', 'apt-get install chromium, or set CHROMIUM_PATH', 'the browser suite');

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
	});
}

/** A page of a new browser context that is signed in with the session token (its cookie set for `origin`). */
export async function signedInPage(browser: Browser, origin: string, sessionToken: string, options: BrowserContextOptions = {}): Promise<Page> {
	const context = await browser.newContext(options);
	await context.addCookies([{ name: 'session', value: sessionToken, url: origin }]);
	return context.newPage();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2 A/AA rules) on the page and fails listing every violation. */
export async function expectAccessible(page: Page): Promise<void> {
	// evaluate() runs through the DevTools protocol, so the page's CSP does not block axe. In every
	// frame: axe in the page checks a frame's content through the axe inside it.
	for (const frame of page.frames()) await frame.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
		const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] }
		});
		return result.violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	});
	expect(violations, `axe on ${page.url()}`).toEqual([]);
}

/** Saves a screenshot under tests/e2e/screenshots/ (git-ignored) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
	mkdirSync('tests/e2e/screenshots', { recursive: true });
	// From the top: a sticky bar (the designer's toolbar) is otherwise drawn where the page was
	// scrolled to, leaving an empty band in its own place.
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
}
