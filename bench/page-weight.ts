/**
 * Respondent page weight: the JavaScript a browser fetches to show the questionnaire `/s/{code}`
 * of the built app, against an empty page of the minimal SvelteKit app measured in the same run
 * (the framework's own share). Headless chromium loads each page and every script response is
 * weighed (gzip level 9, as adapter-node precompresses); a cross-check fetches what the HTML and
 * its Link header name and must find the same files. About a minute, most of it building.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { formatTextTable } from '../src/lib/csv/text-table';
import { browserPageWeight, declaredPageWeight, GZIP_LEVEL, kb, type PageWeight } from './lib/page-weight';
import { machineInfo } from './lib/report';
import { buildApp, buildMinimalKit, root, start } from './lib/app-server';
import { createBenchDb } from './submit/seed';

/** The respondent page's budget, gzipped JavaScript (1 KB = 1,000 bytes). */
const TARGET_BYTES = 45_000;
const APP = 'http://127.0.0.1:4381';
const KIT = 'http://127.0.0.1:4382';

function printWeight(label: string, weight: PageWeight): void {
	const rows = weight.files.map((f) => [f.path, kb(f.bytes), kb(f.gzipBytes)]);
	rows.push([`${weight.files.length} files`, kb(weight.bytes), kb(weight.gzipBytes)]);
	console.log(`\n${label} (${weight.url})\n${formatTextTable(['File', 'Bytes', 'Gzip'], rows)}`);
}

/** Named files the browser did not fetch: the cross-check must come out empty. */
const notFetched = (fetched: PageWeight, declared: PageWeight) => declared.files.filter((f) => !fetched.files.some((g) => g.path === f.path)).map((f) => f.path);
/** Fetched files the page does not name: what Kit's client loads once started (the root error page). */
const loadedLater = (fetched: PageWeight, declared: PageWeight) => fetched.files.filter((f) => !declared.files.some((g) => g.path === f.path)).map((f) => f.path);

async function main(): Promise<void> {
	const work = mkdtempSync(path.join(tmpdir(), 'satindex-bench-weight-'));
	const appBuild = buildApp('weight');
	const kitBuild = buildMinimalKit();
	const appDb = path.join(work, 'app.db');
	await createBenchDb(appDb);

	const servers: ChildProcess[] = [];
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
	try {
		servers.push(await start([path.join(appBuild, 'index.js')], { DATABASE_URL: appDb, ORIGIN: APP }, `${APP}/api/health`));
		servers.push(await start([path.join(kitBuild, 'index.js')], { DATABASE_URL: path.join(work, 'minimal.db'), ORIGIN: KIT }, KIT));
		const pages = { respondent: `${APP}/s/bench`, baseline: `${KIT}/` };
		const measured = {
			respondent: { fetched: await browserPageWeight(browser, pages.respondent), declared: await declaredPageWeight(pages.respondent) },
			baseline: { fetched: await browserPageWeight(browser, pages.baseline), declared: await declaredPageWeight(pages.baseline) }
		};
		report(measured);
	} finally {
		await browser.close();
		for (const server of servers) server.kill('SIGTERM');
		rmSync(work, { recursive: true, force: true });
	}
}

function report(measured: Record<'respondent' | 'baseline', { fetched: PageWeight; declared: PageWeight }>): void {
	const { respondent, baseline } = measured;
	printWeight('Respondent questionnaire, as the browser fetched it', respondent.fetched);
	printWeight('Baseline: an empty page of the minimal SvelteKit app, as the browser fetched it', baseline.fetched);
	const problems = [...notFetched(respondent.fetched, respondent.declared), ...notFetched(baseline.fetched, baseline.declared)];
	const later = [...loadedLater(respondent.fetched, respondent.declared), ...loadedLater(baseline.fetched, baseline.declared)];
	const met = respondent.fetched.gzipBytes <= TARGET_BYTES;
	console.log(
		`\n${formatTextTable(
			['Page', 'Files', 'Gzip (browser)', 'Gzip (HTML + Link header)', 'vs empty Kit page'],
			[
				['respondent /s/{code}', String(respondent.fetched.files.length), kb(respondent.fetched.gzipBytes), kb(respondent.declared.gzipBytes), `+${kb(respondent.fetched.gzipBytes - baseline.fetched.gzipBytes)}`],
				['empty SvelteKit page', String(baseline.fetched.files.length), kb(baseline.fetched.gzipBytes), kb(baseline.declared.gzipBytes), '']
			]
		)}`
	);
	console.log(`Cross-check: ${problems.length ? `named but never fetched:\n  ${problems.join('\n  ')}` : 'the browser fetched every file the pages name'}`);
	if (later.length) console.log(`Loaded by Kit's client after start, named nowhere in the HTML: ${later.join(', ')}`);
	console.log(`Target (≤ ${kb(TARGET_BYTES)} gzipped JavaScript, gzip level ${GZIP_LEVEL}): ${met ? 'met' : 'MISSED'}`);
	const dir = path.join(root, 'bench/results');
	mkdirSync(dir, { recursive: true });
	const results = { bench: 'page-weight', date: new Date().toISOString(), machine: machineInfo(), gzipLevel: GZIP_LEVEL, target: { maxGzipBytes: TARGET_BYTES, met }, crossCheck: { namedNotFetched: problems, loadedAfterStart: later }, ...measured };
	writeFileSync(path.join(dir, 'page-weight.json'), `${JSON.stringify(results, null, 2)}\n`);
	if (problems.length) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
