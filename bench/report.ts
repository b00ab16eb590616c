/**
 * `npm run bench -- report`: 1,000,000 responses × 30 items over 24 months and 10 channels in a
 * fresh SQLite database. A full report from the analysis store (target p50 ≤ 150 ms) beside the
 * same report computed by scanning the raw responses (the baseline, expected ≥ 20× slower), and
 * folding 10,000 new responses into the store (target ≤ 1 s) beside rebuilding the whole store.
 * Every response carries its contact's tier (core or general) and region, both marked as report
 * segments: the report filtered to core customers is read from the store's segment cells (target
 * p50 ≤ 300 ms) beside the same filter scanning the raw responses. BENCH_ROWS overrides the size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { foldSurvey, rebuildSurveyStore } from '../src/lib/server/analysis/fold';
import { buildSurveyReport } from '../src/lib/server/analysis/report';
import { createDb } from '../src/lib/server/db/create-db';
import { folderMigrations } from '../src/lib/server/db/folder-migrations';
import { migrateToLatest } from '../src/lib/server/db/migrator';
import { insertUser } from '../src/lib/server/repo/users';
import { mulberry32 } from '../src/lib/stats/random';
import type { ReportFilters } from '../src/lib/stats/report/model';
import type { Item, SurveyDefinition, SurveySettings } from '../src/lib/survey/definition';
import type { Timing } from './lib/measure';
import { figureTable, machineInfo, writeResults, type Figure } from './lib/report';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const NEW_ROWS = 10_000;
const MONTHS = 24;
const CHANNELS = Array.from({ length: 10 }, (_, i) => `CH${i + 1}`);
const DIMENSIONS = ['D1', 'D2', 'D3', 'D4', 'D5'];
const REGIONS = ['north', 'east', 'south', 'west', 'central'];
const filters: ReportFilters = { from: null, to: null, channels: [], segment: {}, unit: 'quarter' };
const coreCustomers: ReportFilters = { ...filters, contact: { tier: ['core'] } };

const likert = (code: string, section: string): Item => ({ code, kind: 'likert', text: { en: code }, required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false, indicator: section });
const definition: SurveyDefinition = {
	sections: [
		...DIMENSIONS.map((d) => ({ code: d, title: { en: d }, items: [1, 2, 3, 4, 5].map((i) => likert(`${d}_${i}`, d)) })),
		{
			code: 'OUT',
			title: { en: 'Overall' },
			items: [
				{ code: 'SAT', kind: 'rating', text: { en: 'Overall' }, required: true, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false },
				{ code: 'NPS', kind: 'nps', text: { en: 'Recommend' }, required: true, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false },
				likert('LOY1', 'OUT'),
				likert('LOY2', 'OUT'),
				likert('LOY3', 'OUT')
			]
		}
	]
};
const settings: SurveySettings = { languages: ['en'], defaultLanguage: 'en', title: { en: 'Bench' }, welcome: {}, thanks: {}, timeZone: 'Asia/Shanghai', randomizeItems: false, progressBar: false, duplicateGuard: 'none' };

/** Inserts `count` seeded responses (in submission order, spread evenly over `months` months from `startMonth`) with one prepared statement in one transaction. */
function insertResponses(path: string, surveyId: string, count: number, first: number, startMonth: number, months: number, seed: number): void {
	const sqlite = new SQLite(path);
	const insert = sqlite.prepare(
		"insert into responses (id, survey_id, version_id, language, channel_code, source, submitted_at, answers, counted, contact_values) values (?, ?, 'bench-v1', 'en', ?, 'import', ?, ?, 0, ?)"
	);
	const random = mulberry32(seed);
	const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
	const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(x)));
	const span = Date.UTC(2024, startMonth + months, 1) - Date.UTC(2024, startMonth, 1);
	sqlite.transaction(() => {
		for (let r = 0; r < count; r++) {
			const g = normal();
			let json = '{';
			let drive = 0;
			for (const d of DIMENSIONS) {
				const z = 0.6 * g + 0.8 * normal();
				drive += z / DIMENSIONS.length;
				for (let i = 1; i <= 5; i++) json += `"${d}_${i}":${clamp(3.6 + 0.9 * z + 0.6 * normal(), 1, 5)},`;
			}
			const sat = clamp(7 + 2 * drive + normal(), 0, 10);
			json += `"SAT":${sat},"NPS":${clamp(sat + normal(), 0, 10)},"LOY1":${clamp(3.5 + drive + 0.7 * normal(), 1, 5)},"LOY2":${clamp(3.5 + drive + 0.7 * normal(), 1, 5)},"LOY3":${clamp(3.3 + drive + 0.7 * normal(), 1, 5)}}`;
			const at = Date.UTC(2024, startMonth, 1) - 8 * 3600_000 + Math.floor(((r + 0.5) / count) * span);
			const contact = `{"tier":"${random() < 0.3 ? 'core' : 'general'}","region":"${REGIONS[r % REGIONS.length]}"}`;
			insert.run(`r${String(first + r).padStart(8, '0')}`, surveyId, CHANNELS[r % CHANNELS.length], at, json, contact);
		}
		sqlite.prepare('update surveys set response_count = response_count + ? where id = ?').run(count, surveyId);
	})();
	sqlite.close();
}

/** Median and minimum of `runs` timed runs of an async function after `warmup` untimed ones. */
async function measureAsync(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<Timing> {
	for (let i = 0; i < warmup; i++) await fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	const mid = Math.floor(times.length / 2);
	return { ms: times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2, minMs: times[0], runs };
}

async function main(): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'satindex-bench-report-'));
	const path = join(dir, 'bench.db');
	const { db } = createDb(path);
	try {
		await migrateToLatest(db, await folderMigrations());
		const owner = await insertUser(db, { email: 'bench@example.com', name: 'Bench', passwordHash: 'x', role: 'admin' });
		const now = Date.now();
		await db.insertInto('surveys').values({ id: 'bench', owner_id: owner.id, system_id: null, code: 'bench', title: 'Bench', status: 'open', settings: JSON.stringify(settings), draft: JSON.stringify(definition), current_version_id: 'bench-v1', response_count: 0, response_cap: null, opens_at: null, closes_at: null, access_mode: 'public', archived: 0, created_at: now, updated_at: now }).execute();
		await db.insertInto('survey_versions').values({ id: 'bench-v1', survey_id: 'bench', number: 1, definition: JSON.stringify(definition), created_at: now }).execute();
		for (const key of ['tier', 'region']) await db.insertInto('contact_attributes').values({ key, label_zh: key, label_en: key, segment: 1, created_at: now }).execute();

		let started = performance.now();
		insertResponses(path, 'bench', ROWS - NEW_ROWS, 0, 0, MONTHS, 11);
		console.log(`Generated ${ROWS - NEW_ROWS} responses × 30 items in ${((performance.now() - started) / 1000).toFixed(1)} s`);
		started = performance.now();
		await foldSurvey(db, 'bench');
		console.log(`First fold of ${ROWS - NEW_ROWS} responses: ${((performance.now() - started) / 1000).toFixed(1)} s`);

		insertResponses(path, 'bench', NEW_ROWS, ROWS - NEW_ROWS, MONTHS - 1, 1, 12);
		const fold = await measureAsync(() => foldSurvey(db, 'bench'), 1, 0);
		const rebuild = await measureAsync(() => rebuildSurveyStore(db, 'bench'), 1, 0);

		const store = await measureAsync(() => buildSurveyReport(db, 'bench', filters), 9, 2);
		const raw = await measureAsync(() => buildSurveyReport(db, 'bench', filters, { source: 'raw' }), 1, 0);
		const core = await measureAsync(() => buildSurveyReport(db, 'bench', coreCustomers), 9, 2);
		const coreRaw = await measureAsync(() => buildSurveyReport(db, 'bench', coreCustomers, { source: 'raw' }), 1, 0);
		const check = await buildSurveyReport(db, 'bench', filters);
		const checkCore = await buildSurveyReport(db, 'bench', coreCustomers);
		console.log(`Report: n = ${check?.model.n}, CSI ${check?.model.csi.estimate?.score.toFixed(2)}, ${check?.model.trend.length} quarters, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
		console.log(`Core customers: n = ${checkCore?.model.n} (from the ${checkCore?.model.source}), CSI ${checkCore?.model.csi.estimate?.score.toFixed(2)}`);

		const figures: Figure[] = [
			{ name: `full report from the store (${ROWS} responses, p50)`, timing: store, baseline: { name: 'same report scanning raw responses', timing: raw }, targetMs: 150 },
			{ name: `report filtered to core customers from the store's segment cells (p50)`, timing: core, baseline: { name: 'same filter scanning raw responses', timing: coreRaw }, targetMs: 300 },
			{ name: `fold ${NEW_ROWS} new responses`, timing: fold, baseline: { name: `rebuild the store from ${ROWS} responses`, timing: rebuild }, targetMs: 1000 }
		];
		console.log(figureTable(figures));
		console.log(`Wrote ${writeResults('report', figures, machineInfo())}`);
	} finally {
		await db.destroy();
		rmSync(dir, { recursive: true, force: true });
	}
}

void main();
