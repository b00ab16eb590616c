// The respondent page's JavaScript, as bench/page-weight.ts measures it: every script file the
// browser fetches for a questionnaire with every item kind, gzipped, together with every file the
// page names (script, modulepreload, Link header, inline import()). The target is 45 KB; the
// page measured 46.3 KB, then 43.4 KB once designer-only code left the files it loads.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserPageWeight, declaredPageWeight, kb } from '../../bench/lib/page-weight';
import { chromiumPath, launchBrowser } from './browser';
import { seedSurvey } from './respond-fixtures';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';

const BUDGET_BYTES = 45_000;

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

	it('loads at most 45 KB of gzipped JavaScript, counting every file the page names', async () => {
		const url = `${server.url}/s/weigh`;
		const fetched = await browserPageWeight(browser, url);
		const declared = await declaredPageWeight(url);
		// A file the page names but the browser fetches only when it needs it (the error page) still counts.
		const files = new Map([...declared.files, ...fetched.files].map((f) => [f.path, f.gzipBytes]));
		const total = [...files.values()].reduce((sum, bytes) => sum + bytes, 0);
		expect(total, `${kb(total)} in ${[...files.keys()].join(', ')}`).toBeLessThanOrEqual(BUDGET_BYTES);
		expect(fetched.gzipBytes).toBeLessThanOrEqual(total);
	});
});
