/**
 * `npm run bench -- open-answers`: 100,000 responses (5 scaled items, an NPS item and an open
 * answer in Chinese or English each) over 12 months in a fresh SQLite database. The open-answers
 * page's service (one pass over the raw responses: jieba and Intl.Segmenter on every answer, each
 * respondent's NPS group and CSI, themes, log-odds, the filtered list) beside the same responses
 * scanned for a report (the raw-scan report: reading and parsing every response, no text work).
 * BENCH_ROWS overrides the size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { buildOpenAnswers } from '../src/lib/server/analysis/open-answers';
import { buildSurveyReport } from '../src/lib/server/analysis/report';
import { createDb } from '../src/lib/server/db/create-db';
import { folderMigrations } from '../src/lib/server/db/folder-migrations';
import { migrateToLatest } from '../src/lib/server/db/migrator';
import { insertUser } from '../src/lib/server/repo/users';
import { mulberry32 } from '../src/lib/stats/random';
import { parseOpenAnswerFilters } from '../src/lib/stats/text/filters';
import type { Item, SurveyDefinition, SurveySettings } from '../src/lib/survey/definition';
import type { Timing } from './lib/measure';
import { figureTable, machineInfo, writeResults, type Figure } from './lib/report';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ROUNDS = 3;
const likert = (code: string): Item => ({ code, kind: 'likert', text: { en: code }, required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false });
const definition: SurveyDefinition = {
	sections: [
		{
			code: 'S',
			title: { en: 'Service' },
			items: [
				...['Q1', 'Q2', 'Q3', 'Q4', 'Q5'].map(likert),
				{ code: 'NPS', kind: 'nps', text: { en: 'Recommend' }, required: true, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false },
				{ code: 'WHY', kind: 'text', text: { en: 'Why?' }, required: false, maxLength: 500, multiline: true }
			]
		}
	]
};
const settings: SurveySettings = { languages: ['zh-CN', 'en'], defaultLanguage: 'zh-CN', title: { en: 'Bench' }, welcome: {}, thanks: {}, timeZone: 'Asia/Shanghai', randomizeItems: false, progressBar: false, duplicateGuard: 'none' };

const bad = ['排队时间太长了', '手续费太贵', '手机银行经常闪退', '柜台只开了一个窗口', 'the queue was far too long', 'fees are too high', 'the app keeps crashing'];
const good = ['员工非常热情', '办理业务很快', '理财经理很专业', '环境干净整洁', 'friendly and helpful staff', 'quick service at the counter', 'easy to use mobile app'];

/** Inserts `count` seeded responses over 12 months with one prepared statement in one transaction. */
function insertResponses(path: string, count: number): void {
	const sqlite = new SQLite(path);
	const insert = sqlite.prepare("insert into responses (id, survey_id, version_id, language, channel_code, source, submitted_at, answers, counted) values (?, 'bench', 'bench-v1', 'zh-CN', ?, 'import', ?, ?, 0)");
	const random = mulberry32(7);
	const pick = (list: string[]) => list[Math.floor(random() * list.length)];
	const span = Date.UTC(2025, 0, 1) - Date.UTC(2024, 0, 1);
	sqlite.transaction(() => {
		for (let r = 0; r < count; r++) {
			const mood = random();
			const answers: Record<string, number | string> = { NPS: Math.min(10, Math.floor(mood * 11)) };
			for (const q of ['Q1', 'Q2', 'Q3', 'Q4', 'Q5']) answers[q] = Math.min(5, 1 + Math.floor((mood * 0.7 + random() * 0.3) * 5));
			answers.WHY = `${pick(mood < 0.6 ? bad : good)}，${pick(random() < 0.5 ? bad : good)}`;
			insert.run(`r${String(r).padStart(8, '0')}`, `CH${r % 4}`, Date.UTC(2024, 0, 1) + Math.floor(((r + 0.5) / count) * span), JSON.stringify(answers));
		}
		sqlite.prepare('update surveys set response_count = ? where id = ?').run(count, 'bench');
	})();
	sqlite.close();
}

/** Median and minimum of `runs` timed runs after one untimed warm-up. */
async function measureAsync(fn: () => Promise<unknown>, runs: number): Promise<Timing> {
	await fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return { ms: times[Math.floor(times.length / 2)], minMs: times[0], runs };
}

async function main(): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'satindex-bench-open-answers-'));
	const path = join(dir, 'bench.db');
	const { db } = createDb(path);
	try {
		await migrateToLatest(db, await folderMigrations());
		const owner = await insertUser(db, { email: 'bench@example.com', name: 'Bench', passwordHash: 'x', role: 'admin' });
		const now = Date.now();
		await db.insertInto('surveys').values({ id: 'bench', owner_id: owner.id, system_id: null, code: 'bench', title: 'Bench', status: 'open', settings: JSON.stringify(settings), draft: JSON.stringify(definition), current_version_id: 'bench-v1', response_count: 0, response_cap: null, opens_at: null, closes_at: null, access_mode: 'public', archived: 0, created_at: now, updated_at: now }).execute();
		await db.insertInto('survey_versions').values({ id: 'bench-v1', survey_id: 'bench', number: 1, definition: JSON.stringify(definition), created_at: now }).execute();
		insertResponses(path, ROWS);

		const all = parseOpenAnswerFilters(new URLSearchParams());
		const picked = parseOpenAnswerFilters(new URLSearchParams('group=detractor&term=排队'));
		const reportFilters = { from: null, to: null, channels: [], segment: {}, unit: 'quarter' as const };
		const raw = await measureAsync(() => buildSurveyReport(db, 'bench', reportFilters, { source: 'raw' }), ROUNDS);
		// The first reading splits every answer; later ones find the answers' terms remembered.
		const started = performance.now();
		await buildOpenAnswers(db, 'bench', all, true);
		const cold: Timing = { ms: performance.now() - started, minMs: performance.now() - started, runs: 1 };
		const page = await measureAsync(() => buildOpenAnswers(db, 'bench', all, true), ROUNDS);
		const filtered = await measureAsync(() => buildOpenAnswers(db, 'bench', picked, true), ROUNDS);
		const check = (await buildOpenAnswers(db, 'bench', picked, true))!;
		console.log(`Open answers: ${check.themes.answers} answers, ${check.list!.total} detractors mentioning 排队, top detractor word ${check.themes.detractorWords[0]?.word} (z ${check.themes.detractorWords[0]?.z.toFixed(1)}), peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);

		const baseline = { name: `report scanning the same ${ROWS} raw responses`, timing: raw };
		const figures: Figure[] = [
			{ name: `open answers and themes, ${ROWS} answers, first reading`, timing: cold, baseline },
			{ name: `open answers and themes, ${ROWS} answers, again (p50 of ${ROUNDS})`, timing: page, baseline },
			{ name: `the same, detractors mentioning a picked word (p50 of ${ROUNDS})`, timing: filtered, baseline }
		];
		console.log(figureTable(figures));
		console.log(`Wrote ${writeResults('open-answers', figures, machineInfo())}`);
	} finally {
		await db.destroy();
		rmSync(dir, { recursive: true, force: true });
	}
}

void main();
