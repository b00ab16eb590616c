// The respondent page's JavaScript, as bench/page-weight.ts measures it: every script file the
// browser fetches for a questionnaire with every item kind, gzipped, and every file the page names
// among them. The target is 45 KB; since display conditions and quotas the page weighs 47.8 KB, so
// this keeps it from growing past 48 KB until it is brought back under the target.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserPageWeight, declaredPageWeight, kb } from '../../bench/lib/page-weight';
import { chromiumPath, launchBrowser } from './browser';
import { seedSurvey } from './respond-fixtures';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';

const BUDGET_BYTES = 48_000;

describe.skipIf(!chromiumPath)('respondent page weight', () => {
	const database = tempDatabase('page-weight');
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		await database.migrate();
		await seedSurvey(database.db, { code: 'weigh', settings: { welcome: {} } });
		server = await startServer({ dbPath: database.dbPath });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await closeAll({ browser, server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	it('loads at most 48 KB of gzipped JavaScript, and every file the page names', async () => {
		const url = `${server.url}/s/weigh`;
		const fetched = await browserPageWeight(browser, url);
		const declared = await declaredPageWeight(url);
		expect(fetched.gzipBytes, `${kb(fetched.gzipBytes)} in ${fetched.files.map((f) => f.path).join(', ')}`).toBeLessThanOrEqual(BUDGET_BYTES);
		expect(fetched.files.map((f) => f.path)).toEqual(expect.arrayContaining(declared.files.map((f) => f.path)));
	});
});
