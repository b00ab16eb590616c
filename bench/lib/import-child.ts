/**
 * One measured step of bench/import.ts, run in its own process so that its peak memory (maxRSS)
 * is its own: `import` through the real import service, `baseline` as a raw better-sqlite3
 * prepared-statement insert of the same rows in one transaction, `export` through the real
 * streaming export. Prints {ms, rssMB, rows} as JSON.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { createDb } from '../../src/lib/server/db/create-db';
import { importResponses } from '../../src/lib/server/data/import-service';
import { responseCsvChunks } from '../../src/lib/server/data/export-service';
import { findSurveyById } from '../../src/lib/server/repo/surveys';
import { EXPORTED_METADATA } from '../../src/lib/csv/columns';

const [step, dbPath, file, surveyId] = process.argv.slice(2);

async function importStep(): Promise<number> {
	const { db } = createDb(dbPath);
	const survey = (await findSurveyById(db, surveyId))!;
	const result = await importResponses(db, { survey, actor: null, via: 'cli', fileName: 'bench.csv', source: createReadStream(file, { highWaterMark: 256 * 1024 }), fold: false });
	await db.destroy();
	if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 500)}`);
	return result.rows;
}

/** The floor: split lines, build the answers JSON, insert with one prepared statement in one transaction. */
async function baselineStep(): Promise<number> {
	const db = new SQLite(dbPath);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	const version = (db.prepare('select current_version_id from surveys where id = ?').pluck().get(surveyId) as string);
	const insert = db.prepare("insert into responses (id, survey_id, version_id, language, channel_code, source, submitted_at, answers) values (?, ?, ?, 'zh-CN', ?, 'import', ?, ?)");
	let header: string[] | undefined;
	let rows = 0;
	db.exec('begin');
	for await (const line of createInterface({ input: createReadStream(file) })) {
		const cells = line.split(',');
		if (!header) {
			header = cells;
			continue;
		}
		const answers: Record<string, number> = {};
		for (let i = 2; i < cells.length; i++) answers[header[i]] = Number(cells[i]);
		insert.run(`baseline${rows}`, surveyId, version, cells[1], Date.parse(cells[0]), JSON.stringify(answers));
		rows++;
	}
	db.exec('commit');
	db.close();
	return rows;
}

async function exportStep(): Promise<number> {
	const { db } = createDb(dbPath);
	const survey = (await findSurveyById(db, surveyId))!;
	const out = createWriteStream(file);
	let rows = -1;
	for await (const chunk of responseCsvChunks(db, survey, { values: 'codes', coding: 'raw', metadata: [...EXPORTED_METADATA], language: 'zh-CN' })) {
		for (let i = chunk.indexOf('\r\n'); i >= 0; i = chunk.indexOf('\r\n', i + 2)) rows++;
		if (!out.write(chunk)) await once(out, 'drain');
	}
	out.end();
	await once(out, 'finish');
	await db.destroy();
	return rows;
}

const steps: Record<string, () => Promise<number>> = { import: importStep, baseline: baselineStep, export: exportStep };
const start = performance.now();
const rows = await steps[step]();
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024, rows }));
