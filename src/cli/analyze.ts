// `npm run analyze -- --data responses.csv --model model.json [...]`: the measurement engine on
// a researcher's own CSV. Reads the files, calls lib/stats/model-analysis, prints JSON or tables.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { numericColumns, readTable, recodedColumns, type TextTable } from '../lib/csv/read-table';
import { formatTextTable } from '../lib/csv/text-table';
import { translate, type Catalog } from '../lib/i18n/translate';
import { analyseModel, modelItems, type AnalysisOptions, type ModelAnalysis } from '../lib/stats/model-analysis';
import { parseAnalysisModel, type AnalysisModel } from '../lib/stats/model-analysis-spec';
import type { InnerScheme } from '../lib/stats/pls-inner';
import { fail, ok, type StatsIssue, type StatsResult } from '../lib/stats/result';

const HELP = `Usage: npm run analyze -- --data responses.csv --model model.json [options]

  --data FILE          CSV with a header row of item codes, one row per respondent
  --model FILE         JSON model: scale, constructs (items, reversed), paths, target
  --scheme NAME        PLS inner scheme: path (default), centroid or factorial
  --unscaled           centre items only instead of standardising them (plspm scaled = FALSE)
  --bootstrap N        percentile bootstrap CIs of the paths from N resamples
  --seed N             seed of the bootstrap (default 1)
  --format json|table  output (default json)`;

const SCHEMES: readonly InnerScheme[] = ['path', 'centroid', 'factorial'];

const OPTIONS = {
	data: { type: 'string' },
	model: { type: 'string' },
	scheme: { type: 'string' },
	unscaled: { type: 'boolean' },
	bootstrap: { type: 'string' },
	seed: { type: 'string' },
	format: { type: 'string' },
	help: { type: 'boolean', short: 'h' }
} as const;

interface Command {
	dataFile: string;
	modelFile: string;
	format: 'json' | 'table';
	options: AnalysisOptions;
}

/** English messages, merged from messages/en/*.json as the web app merges them. */
function englishCatalog(): Catalog {
	const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../messages/en');
	const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
	return Object.assign({}, ...files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Catalog));
}

function positiveInteger(option: string, value: string | undefined, fallback: number): StatsResult<number> {
	if (value === undefined) return ok(fallback);
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? ok(n) : fail('stats.analyze.badOption', { option, value, expected: 'a whole number above 0' });
}

/** The command line as a Command; fails with the first problem. */
function parseCommand(args: string[]): StatsResult<Command | 'help'> {
	let values;
	try {
		({ values } = parseArgs({ args, options: OPTIONS }));
	} catch (e) {
		return fail('stats.analyze.badArguments', { reason: (e as Error).message.split('\n')[0].replace(/\.$/, '') });
	}
	if (values.help) return ok('help');
	if (!values.data) return fail('stats.analyze.missingOption', { option: 'data' });
	if (!values.model) return fail('stats.analyze.missingOption', { option: 'model' });
	const scheme = (values.scheme ?? 'path') as InnerScheme;
	if (!SCHEMES.includes(scheme)) return fail('stats.analyze.badOption', { option: 'scheme', value: scheme, expected: SCHEMES.join(', ') });
	const format = values.format ?? 'json';
	if (format !== 'json' && format !== 'table') return fail('stats.analyze.badOption', { option: 'format', value: format, expected: 'json, table' });
	const resamples = positiveInteger('bootstrap', values.bootstrap, 0);
	if (!resamples.ok) return resamples;
	const seed = positiveInteger('seed', values.seed, 1);
	if (!seed.ok) return seed;
	const bootstrap = resamples.value > 0 ? { resamples: resamples.value, seed: seed.value } : undefined;
	return ok({ dataFile: values.data, modelFile: values.model, format, options: { scheme, scaled: !values.unscaled, bootstrap } });
}

function readText(file: string): StatsResult<string> {
	try {
		return ok(readFileSync(file, 'utf8'));
	} catch (e) {
		return fail('stats.analyze.fileUnreadable', { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
	}
}

function readModel(file: string): StatsResult<AnalysisModel> {
	const text = readText(file);
	if (!text.ok) return text;
	try {
		return parseAnalysisModel(JSON.parse(text.value));
	} catch (e) {
		return fail('stats.analyze.modelNotJson', { file, reason: (e as Error).message });
	}
}

/** The model without reversing the items whose column the file holds already reverse-coded (an export's `[recoded]` column). */
function asRecodedInFile(model: AnalysisModel, table: TextTable): AnalysisModel {
	const recoded = new Set(recodedColumns(table, modelItems(model)));
	return { ...model, constructs: model.constructs.map((c) => ({ ...c, reversed: c.reversed.filter((item) => !recoded.has(item)) })) };
}

/** Reads both files and runs the analysis. */
function run(command: Command): StatsResult<ModelAnalysis> {
	const model = readModel(command.modelFile);
	if (!model.ok) return model;
	const text = readText(command.dataFile);
	if (!text.ok) return text;
	const table = readTable(text.value);
	if (!table.ok) return table;
	const rows = numericColumns(table.value, modelItems(model.value));
	if (!rows.ok) return rows;
	return analyseModel(asRecodedInFile(model.value, table.value), rows.value, command.options);
}

const fixed = (x: number | null, digits = 3) => (x === null ? '—' : x.toFixed(digits));

function constructTable(a: ModelAnalysis): string {
	const header = ['Construct', 'n', 'Index', 'Weights', 'α', 'α std.', 'ρC', 'AVE', 'R²'];
	return formatTextTable(
		header,
		a.constructs.map((c) => [c.name, String(c.n), fixed(c.index, 1), c.indexMethod, fixed(c.alpha), fixed(c.alphaStandardized), fixed(c.rhoC), fixed(c.ave), fixed(c.rSquared)])
	);
}

function itemTable(a: ModelAnalysis): string {
	const rows = a.constructs.flatMap((c) =>
		Object.keys(c.loadings).map((item) => [c.name, item, fixed(c.outerWeights[item]), fixed(c.loadings[item]), fixed(c.indexWeights[item])])
	);
	return formatTextTable(['Construct', 'Item', 'Outer weight', 'Loading', 'Index weight'], rows);
}

function pathTable(a: ModelAnalysis): string {
	const level = a.bootstrap ? `${Math.round(a.bootstrap.level * 100)}% CI` : '';
	const header = ['From', 'To', 'Coefficient', ...(a.bootstrap ? [`${level} lower`, `${level} upper`, 'Bootstrap SD'] : [])];
	const rows = a.paths.map((p) => [p.from, p.to, fixed(p.coefficient), ...(p.ci ? [fixed(p.ci.lower), fixed(p.ci.upper), fixed(p.ci.sd)] : [])]);
	return formatTextTable(header, rows);
}

function weightTable(weights: NonNullable<ModelAnalysis['weights']>): string {
	const methods = Object.keys(weights.byMethod) as (keyof typeof weights.byMethod)[];
	const rows = weights.drivers.map((d) => [d, ...methods.map((m) => fixed(weights.byMethod[m]?.[d] ?? null))]);
	return formatTextTable(['Driver', ...methods], rows);
}

/** The analysis as titled, aligned tables. */
function formatTables(a: ModelAnalysis, warnings: { message: string }[]): string {
	const pls = a.pls ? `PLS ${a.pls.scheme} scheme, ${a.pls.scaled ? 'standardised' : 'centred'} items, ${a.pls.iterations} iterations` : 'no paths: item-mean composites';
	const sections = [
		`${a.rows} respondents (${a.completeRows} answered every item), scale ${a.scale.lo}–${a.scale.hi}; ${pls}`,
		`Constructs\n${constructTable(a)}`,
		`Items\n${itemTable(a)}`
	];
	if (a.paths.length > 0) sections.push(`Paths${a.bootstrap ? ` (bootstrap: ${a.bootstrap.resamples} resamples, seed ${a.bootstrap.seed})` : ''}\n${pathTable(a)}`);
	if (a.weights) sections.push(`Weights of the drivers of ${a.weights.target} (from ${a.weights.basis === 'pls' ? 'PLS scores' : 'item-mean scores'})\n${weightTable(a.weights)}`);
	if (warnings.length > 0) sections.push(`Warnings\n${warnings.map((w) => `- ${w.message}`).join('\n')}`);
	return sections.join('\n\n');
}

/** Runs the command line; returns the exit code (0 ok, 1 the analysis failed, 2 bad arguments). */
function main(): number {
	const catalog = englishCatalog();
	const message = (issue: StatsIssue) => translate(catalog, issue.code, issue.params);
	const command = parseCommand(process.argv.slice(2));
	if (!command.ok) {
		console.error(`analyze: ${message(command.error)}`);
		return 2;
	}
	if (command.value === 'help') {
		console.log(HELP);
		return 0;
	}
	const result = run(command.value);
	if (!result.ok) {
		console.error(`analyze: ${message(result.error)}`);
		return 1;
	}
	const warnings = result.warnings.map((w) => ({ code: w.code, message: message(w) }));
	console.log(command.value.format === 'table' ? formatTables(result.value, warnings) : JSON.stringify({ ...result.value, warnings }, null, 2));
	return 0;
}

process.exitCode = main();
