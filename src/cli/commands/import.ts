import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { errorReportChunks } from '../../lib/server/data/export-service';
import { importResponses, type ImportResult } from '../../lib/server/data/import-service';
import { IGNORE } from '../../lib/csv/import-mapping';
import type { CellError } from '../../lib/csv/issues';
import { english } from './english';
import { openMigratedDb } from './database';
import { surveyArgument } from './survey-arg';
import type { Command } from './types';

interface ImportArgs {
	positional: string[];
	mapping: Record<string, string>;
	report?: string;
	fold: boolean;
}

function parseArgs(args: string[]): ImportArgs {
	const parsed: ImportArgs = { positional: [], mapping: {}, fold: true };
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--map' || arg === '--ignore' || arg === '--report') {
			const value = args[++i];
			if (value === undefined) throw new Error(`${arg} needs a value.`);
			if (arg === '--report') parsed.report = value;
			else if (arg === '--ignore') parsed.mapping[value] = IGNORE;
			else {
				const at = value.lastIndexOf('=');
				if (at <= 0) throw new Error(`--map takes "Header=CODE", not "${value}".`);
				parsed.mapping[value.slice(0, at).trim()] = value.slice(at + 1).trim();
			}
		} else if (arg === '--no-fold') parsed.fold = false;
		else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}.`);
		else parsed.positional.push(arg);
	}
	return parsed;
}

async function writeReport(file: string, result: Extract<ImportResult, { kind: 'invalid' }>): Promise<void> {
	let text = '';
	for await (const chunk of errorReportChunks(result.errors, ['row', 'column', 'value', 'reason'], english)) text += chunk;
	writeFileSync(file, text);
}

/** Lists the first 20 problems of a file on stderr, each with its row, column and value. */
export function printProblems(errors: CellError[]): void {
	for (const e of errors.slice(0, 20)) {
		const where = [`row ${e.row}`, e.column && `column "${e.column}"`, e.value && `value "${e.value}"`].filter(Boolean).join(', ');
		console.error(`  ${where}: ${english(e.reason.code, e.reason.params)}`);
	}
}

/** The one-line reason for an import that stored nothing, after listing the first problems on stderr. */
async function failure(result: Exclude<ImportResult, { ok: true }>, file: string, report: string | undefined): Promise<Error> {
	if (result.kind === 'mapping') {
		const first = result.unknown[0];
		return new Error(`Nothing imported: ${result.unknown.map((h) => `"${h}"`).join(', ')} are no answer codes of the survey; map them with --map "${first}=CODE" or --ignore "${first}".`);
	}
	printProblems(result.errors);
	if (report) await writeReport(report, result);
	const more = report ? ` The report is in ${report}.` : result.errorCount > 20 ? ' The first 20 are listed above; --report <file> writes them all.' : '';
	return new Error(`Nothing imported: ${result.errorCount}${result.truncated ? '+' : ''} problem(s) in ${file}.${more}`);
}

export const importCommand: Command = {
	name: 'import',
	usage: 'import <survey> <file.csv> [options]',
	help: 'Import responses from a CSV file (UTF-8 or GBK; comma, semicolon or tab), all or nothing. Headers are answer codes; --map "Header=CODE" and --ignore "Header" handle others (remembered choices from the web page apply too). --report <file> writes every problem as CSV; --no-fold skips updating the statistics now (reports do it when opened).',
	async run(args) {
		const { positional, mapping, report, fold } = parseArgs(args);
		const [key, file] = positional;
		if (!file) throw new Error('import needs a survey id or code and a CSV file.');
		if (!existsSync(file)) throw new Error(`${file} does not exist.`);
		const { db } = await openMigratedDb();
		try {
			const survey = await surveyArgument(db, key, 'import');
			const started = Date.now();
			let lastShown = started;
			const result = await importResponses(db, {
				survey,
				actor: null,
				via: 'cli',
				fileName: basename(file),
				source: createReadStream(file, { highWaterMark: 256 * 1024 }),
				mapping,
				fold,
				onProgress: (rows) => {
					if (process.stderr.isTTY && Date.now() - lastShown > 1000) {
						lastShown = Date.now();
						process.stderr.write(`\r${rows.toLocaleString('en')} rows checked…`);
					}
				}
			});
			if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
			if (!result.ok) throw await failure(result, file, report);
			console.log(`Imported ${result.rows} responses into "${survey.title}" (${result.encoding}, ${result.delimiter === '\t' ? 'tab' : `"${result.delimiter}"`}-separated) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
		} finally {
			await db.destroy();
		}
	}
};
