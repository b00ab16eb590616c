// What the e2e files share: a migrated SQLite file in a temporary folder for the built server to
// use, one teardown for what a file opened, and the login form filled in as a person would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { createDb } from '../../src/lib/server/db/create-db';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import type { Database } from '../../src/lib/server/db/schema';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

export interface TempDatabase {
	dbPath: string;
	db: Kysely<Database>;
	/** Brings the schema to the latest migration (call in beforeAll). */
	migrate(): Promise<void>;
	/** Closes the connection and deletes the folder. */
	remove(): Promise<void>;
}

/** A SQLite file `<name>.db` in a fresh temporary folder, opened at once. */
export function tempDatabase(name: string): TempDatabase {
	const dir = mkdtempSync(join(tmpdir(), `satindex-${name}-`));
	const dbPath = join(dir, `${name}.db`);
	const { db } = createDb(dbPath);
	return {
		dbPath,
		db,
		migrate: async () => void (await migrateToLatest(db, bundledMigrations)),
		async remove() {
			await db.destroy();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export interface OpenApp {
	server: RunningServer;
	browser: Browser;
	context: BrowserContext;
	page: Page;
}

/** The built app on its own server, and a page in a fresh browser context (British English unless `context` says otherwise). */
export async function openApp(options: { server?: Parameters<typeof startServer>[0]; context?: BrowserContextOptions } = {}): Promise<OpenApp> {
	const server = await startServer(options.server);
	const browser = await launchBrowser();
	const context = await browser.newContext({ locale: 'en-GB', ...options.context });
	return { server, browser, context, page: await context.newPage() };
}

/** Closes what a file opened, browser first; each part may be missing when beforeAll failed early. */
export async function closeAll(parts: { browser?: Browser; server?: RunningServer; database?: TempDatabase }): Promise<void> {
	await parts.browser?.close();
	await parts.server?.stop();
	await parts.database?.remove();
}

/** Fills in and sends the login form (the caller waits for the outcome it expects). */
export async function submitLogin(page: Page, baseUrl: string, user: { email: string; password: string }): Promise<void> {
	await page.goto(`${baseUrl}/login`);
	// Filled before hydration finishes, the fields can be rendered anew and lose what was typed.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Email').fill(user.email);
	await page.getByLabel('Password', { exact: true }).fill(user.password);
	await page.getByRole('button', { name: 'Log in' }).click();
}
