/**
 * SPSS syntax (also run by GNU PSPP) that reads the codes export into a labelled data set:
 * variable labels, value labels, missing-value codes that keep "not shown", "not applicable" and
 * "not answered" apart, and measurement levels. Cells that are not plain numbers (NOT_SHOWN, N/A,
 * empty, option codes) are read as text first and recoded, so nothing is lost to a warning.
 */
import type { AnalystVariable, AnalystWords, MissingCodes } from './analyst-variables';

export interface SyntaxTarget {
	/** The CSV file the syntax reads, in the folder it runs from. */
	csvFile: string;
	/** A line naming the data (survey title and code). */
	title: string;
}

const encoder = new TextEncoder();

/** The longest start of `text` within `bytes` UTF-8 bytes (SPSS limits labels by bytes). */
function clip(text: string, bytes: number): string {
	let out = '';
	for (const char of text.replace(/\s+/g, ' ')) {
		if (encoder.encode(out + char).length > bytes) break;
		out += char;
	}
	return out;
}

const quoted = (text: string, bytes = 120) => `'${clip(text, bytes).replaceAll("'", "''")}'`;
const readsAsText = (v: AnalystVariable) => v.type !== 'number' || v.missing !== null;
const rawName = (i: number) => `raw.${i + 1}`;

function readSpec(v: AnalystVariable, i: number): string {
	if (v.type === 'text') return `    ${v.name} A${Math.min(32767, Math.max(16, v.maxBytes))}`;
	return readsAsText(v) ? `    ${rawName(i)} A64` : `    ${v.name} F12.${v.decimals}`;
}

/**
 * Takes back the apostrophe the export puts before text a spreadsheet would run as a formula ('=, '+,
 * '-, '@, and ''…), except where the answer would then read as a missing code.
 */
const unneutralise = (name: string, m: MissingCodes) =>
	`IF (SUBSTR(${name}, 1, 1) = "'" AND INDEX("'=+-@", SUBSTR(${name}, 2, 1)) > 0 AND SUBSTR(${name}, 2) <> '${m.notShown}' AND SUBSTR(${name}, 2) <> '${m.notAnswered}') ${name} = SUBSTR(${name}, 2).`;

function recode(v: AnalystVariable, i: number): string | null {
	if (!v.missing) return null;
	const m = v.missing;
	if (v.type === 'text') return `RECODE ${v.name} ('NOT_SHOWN'='${m.notShown}') (' '='${m.notAnswered}').\n${unneutralise(v.name, m)}`;
	if (v.type === 'choice') return `RECODE ${rawName(i)} ${v.values.map((x) => `(${quoted(x.code)}=${x.value})`).join(' ')} ('NOT_SHOWN'=${m.notShown}) (' '=${m.notAnswered}) (ELSE=SYSMIS) INTO ${v.name}.`;
	return `RECODE ${rawName(i)} ('NOT_SHOWN'=${m.notShown}) ('N/A'=${m.notApplicable}) (' '=${m.notAnswered}) (CONVERT) INTO ${v.name}.`;
}

/** Labels of the values and of the missing codes ("not applicable" only where a number can be N/A). */
function valueLabels(v: AnalystVariable, words: AnalystWords): string | null {
	const labels = v.values.map((x) => `${x.value} ${quoted(x.label)}`);
	if (v.missing) {
		const m = v.missing;
		const codes: [number, string][] = [[m.notShown, words.notShown], ...(v.type === 'number' ? [[m.notApplicable, words.notApplicable] as [number, string]] : []), [m.notAnswered, words.notAnswered]];
		labels.push(...codes.map(([code, word]) => `${v.type === 'text' ? `'${code}'` : code} ${quoted(word)}`));
	}
	return labels.length ? `  /${v.name} ${labels.join(' ')}` : null;
}

function missingValues(v: AnalystVariable): string | null {
	if (!v.missing) return null;
	const m = v.missing;
	return v.type === 'text' ? `  /${v.name} ('${m.notShown}', '${m.notAnswered}')` : `  /${v.name} (${m.notAnswered}, ${m.notApplicable}, ${m.notShown})`;
}

/** A command over variables from one sub-command line each (none when no variable has one). */
function command(name: string, lines: (string | null)[]): string[] {
	const given = lines.filter((l): l is string => l !== null);
	if (given.length === 0) return [];
	return [`${name}`, ...given.map((l, i) => (i === 0 ? l.replace('/', ' ') : l)).map((l, i, all) => (i === all.length - 1 ? `${l}.` : l))];
}

/** The .sps text for the variables of a codes export (UTF-8). */
export function spssSyntax(variables: readonly AnalystVariable[], target: SyntaxTarget, words: AnalystWords): string {
	const numbers = variables.filter((v) => v.type !== 'text' && v.missing);
	const lines = [
		'* Encoding: UTF-8.',
		`* ${clip(target.title, 200)}.`,
		`* Reads ${clip(target.csvFile, 200)} (the codes export) from the folder this syntax runs in.`,
		'GET DATA /TYPE=TXT',
		`  /FILE=${quoted(target.csvFile, 1000)}`,
		"  /ENCODING='UTF-8'",
		'  /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2',
		`  /DELIMITERS=',' /QUALIFIER='"'`,
		'  /VARIABLES=',
		...variables.map(readSpec).map((l, i, all) => (i === all.length - 1 ? `${l}.` : l)),
		...variables.map(recode).filter((l): l is string => l !== null),
		...(numbers.length ? [`FORMATS ${numbers.map((v) => `${v.name} (F12.${v.decimals})`).join(' ')}.`] : []),
		`MATCH FILES /FILE=* /KEEP=${variables.map((v) => v.name).join(' ')}.`,
		...command('VARIABLE LABELS', variables.map((v) => (v.label ? `  /${v.name} ${quoted(v.label, 250)}` : null))),
		...command('VALUE LABELS', variables.map((v) => valueLabels(v, words))),
		...command('MISSING VALUES', variables.map(missingValues)),
		...command('VARIABLE LEVEL', variables.map((v) => `  /${v.name} (${v.level.toUpperCase()})`)),
		'EXECUTE.'
	];
	return lines.join('\n') + '\n';
}
