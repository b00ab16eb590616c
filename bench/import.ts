/**
 * `npm run bench -- import`: 1,000,000 responses × 30 Likert items imported from CSV through the
 * real import service into a fresh SQLite database (target ≤ 60 s, peak RSS ≤ 300 MB), beside a
 * raw better-sqlite3 bulk insert of the same rows; then exported to CSV again (target ≤ 30 s).
 * Each step runs in its own process so its peak memory is measured alone. BENCH_ROWS overrides the size.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../src/lib/server/db/create-db';
import { folderMigrations } from '../src/lib/server/db/folder-migrations';
import { migrateToLatest } from '../src/lib/server/db/migrator';
import { insertChannel } from '../src/lib/server/repo/channels';
import { insertUser } from '../src/lib/server/repo/users';
import type { SurveyDefinition } from '../src/lib/survey/definition';
import { mulberry32 } from '../src/lib/stats/random';
import { figureTable, machineInfo, writeResults, type Figure } from './lib/report';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const ITEMS = 30;
/** Channels of the survey, cycled through by the rows (an import accepts only channels the survey has). */
const BRANCHES = 12;
const codes = Array.from({ length: ITEMS }, (_, i) => `I${i + 1}`);
const definition: SurveyDefinition = {
	sections: [{ code: 'S', title: { en: 'Bench' }, items: codes.map((code) => ({ code, kind: 'likert' as const, text: { en: code }, required: true, scale: { min: 1, max: 7 }, reversed: false, notApplicable: false })) }]
};

/** The CSV: submitted_at, channel, then 30 answers on 1–7 (seeded), written in 1 MB pieces. */
async function writeCsv(file: string): Promise<void> {
	const random = mulberry32(7);
	const out = createWriteStream(file);
	let text = `submitted_at,channel,${codes.join(',')}\n`;
	const start = Date.UTC(2023, 0, 1);
	for (let r = 0; r < ROWS; r++) {
		text += `${new Date(start + r * 30_000).toISOString()},branch-${r % BRANCHES}`;
		for (let i = 0; i < ITEMS; i++) text += ',' + (1 + Math.floor(random() * 7));
		text += '\n';
		if (text.length > 1 << 20) {
			if (!out.write(text)) await once(out, 'drain');
			text = '';
		}
	}
	out.end(text);
	await once(out, 'finish');
}

/** A migrated database with one open survey of the 30 items; returns its id. */
async function prepareDb(path: string): Promise<string> {
	const { db } = createDb(path);
	await migrateToLatest(db, await folderMigrations());
	const owner = await insertUser(db, { email: 'bench@example.com', name: 'Bench', passwordHash: 'x', role: 'researcher' });
	const now = Date.now();
	const settings = { languages: ['zh-CN'], defaultLanguage: 'zh-CN', title: {}, welcome: {}, thanks: {}, timeZone: 'Asia/Shanghai', randomizeItems: false, progressBar: false, duplicateGuard: 'none' };
	await db.insertInto('surveys').values({ id: 'bench', owner_id: owner.id, system_id: null, code: 'bench', title: 'Bench', status: 'open', settings: JSON.stringify(settings), draft: JSON.stringify(definition), current_version_id: 'bench-v1', response_count: 0, response_cap: null, opens_at: null, closes_at: null, access_mode: 'public', archived: 0, created_at: now, updated_at: now }).execute();
	await db.insertInto('survey_versions').values({ id: 'bench-v1', survey_id: 'bench', number: 1, definition: JSON.stringify(definition), created_at: now }).execute();
	for (let b = 0; b < BRANCHES; b++) await insertChannel(db, 'bench', { code: `branch-${b}`, name: { 'zh-CN': `${b} 号支行`, en: `Branch ${b}` } }, now);
	await db.destroy();
	return 'bench';
}

interface StepResult {
	ms: number;
	rssMB: number;
	rows: number;
}

function step(name: string, ...args: string[]): StepResult {
	const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/lib/import-child.ts', name, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
	const result = JSON.parse(out.trim().split('\n').at(-1)!) as StepResult;
	if (result.rows !== ROWS) throw new Error(`${name} handled ${result.rows} rows, expected ${ROWS}`);
	return result;
}

const timing = (ms: number) => ({ ms, minMs: ms, runs: 1 });
const dir = mkdtempSync(join(tmpdir(), 'satindex-bench-import-'));
try {
	const csv = join(dir, 'responses.csv');
	await writeCsv(csv);
	console.log(`${ROWS.toLocaleString('en')} rows × ${ITEMS} items: ${(statSync(csv).size / 2 ** 20).toFixed(0)} MB of CSV`);
	const surveyId = await prepareDb(join(dir, 'import.db'));
	await prepareDb(join(dir, 'baseline.db'));
	const imported = step('import', join(dir, 'import.db'), csv, surveyId);
	const baseline = step('baseline', join(dir, 'baseline.db'), csv, surveyId);
	const exported = step('export', join(dir, 'import.db'), join(dir, 'export.csv'), surveyId);
	const scale = ROWS / 1_000_000;
	const figures: Figure[] = [
		{ name: `import ${ROWS.toLocaleString('en')} rows (checked, staged, committed)`, timing: timing(imported.ms), baseline: { name: 'raw better-sqlite3 insert', timing: timing(baseline.ms) }, targetMs: 60_000 * scale },
		{ name: `export ${ROWS.toLocaleString('en')} rows (streamed CSV)`, timing: timing(exported.ms), baseline: { name: 'raw better-sqlite3 insert', timing: timing(baseline.ms) }, targetMs: 30_000 * scale }
	];
	console.log(figureTable(figures));
	console.log(`\nPeak RSS: import ${imported.rssMB.toFixed(0)} MB (target ≤ 300 MB ${imported.rssMB <= 300 ? 'met' : 'MISSED'}), baseline ${baseline.rssMB.toFixed(0)} MB, export ${exported.rssMB.toFixed(0)} MB`);
	const file = writeResults('import', figures, machineInfo());
	// Peak memory beside the times, in the same results file.
	const { readFileSync, writeFileSync } = await import('node:fs');
	const results = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
	writeFileSync(file, JSON.stringify({ ...results, rows: ROWS, items: ITEMS, peakRssMB: { import: imported.rssMB, baseline: baseline.rssMB, export: exported.rssMB, targetImport: 300 } }, null, 2) + '\n');
	console.log(`Results: ${file}`);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
