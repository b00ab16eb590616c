/**
 * The codes export's columns as statistical variables, for the SPSS syntax and the R script that
 * read that CSV: a name both accept, a label, a measurement level, value labels and codes for the
 * kinds of missing answer. Built from the export's own column model (answerColumns), so the files
 * describe exactly the columns the CSV has, in its order.
 */
import { OTHER_MAX_LENGTH, OTHER_OPTION } from '../survey/answers';
import { EXPECTATION_SUFFIX, isScaled, localText, PERCEPTION_SUFFIX, type Item, type ScaledItem, type SurveyLanguage } from '../survey/definition';
import type { ExportedMetadata } from './columns';
import type { ExportColumn } from './response-export';

export type MeasurementLevel = 'nominal' | 'ordinal' | 'scale';

/** Numeric codes for why a numeric answer is missing; each is below every valid value of its variable. */
export interface MissingCodes {
	notShown: number;
	notApplicable: number;
	notAnswered: number;
}

export interface ValueLabel {
	value: number;
	/** What the CSV cell holds for this value: the scale point, or the option code. */
	code: string;
	label: string;
}

export interface AnalystVariable {
	/** A name valid in SPSS and R, unique without regard to case. */
	name: string;
	/** The CSV header of the column. */
	header: string;
	/** Variable label ('' for metadata, whose names say what they are). */
	label: string;
	/** number: numeric cells; choice: one option code per cell, read as the option's position 1…n; text: kept as text. */
	type: 'number' | 'choice' | 'text';
	level: MeasurementLevel;
	values: ValueLabel[];
	/** Codes of the kinds of missing answer; null for metadata (an empty cell is simply missing). */
	missing: MissingCodes | null;
	/** Decimal places of a number variable. */
	decimals: number;
	/** Longest cell in UTF-8 bytes (text as written, option codes), for readers that need a width. */
	maxBytes: number;
}

/** Words written into the files, in the labels' language (from the message catalogue). */
export interface AnalystWords {
	notShown: string;
	notApplicable: string;
	notAnswered: string;
	recoded: string;
	expectation: string;
	perception: string;
	other: string;
}

const STANDARD_MISSING: MissingCodes = { notShown: -7, notApplicable: -8, notAnswered: -9 };

/** Missing codes below the lowest valid value (scales start at 0 or more; a number item may go lower or be unbounded). */
function missingCodes(item: Item): MissingCodes {
	const lowest = isScaled(item) ? item.scale.min : item.kind === 'number' ? (item.min ?? -Infinity) : 0;
	if (lowest > STANDARD_MISSING.notShown) return STANDARD_MISSING;
	const below = Number.isFinite(lowest) ? Math.floor(lowest) : -999_990;
	return { notShown: below - 1, notApplicable: below - 2, notAnswered: below - 3 };
}

function pointLabels(item: ScaledItem, language: SurveyLanguage): ValueLabel[] {
	const { min, max, labels, endLabels } = item.scale;
	const point = (value: number, text: Parameters<typeof localText>[0]) => ({ value, code: String(value), label: localText(text, language) || String(value) });
	if (labels?.length === max - min + 1) return labels.map((text, i) => point(min + i, text));
	return endLabels ? [point(min, endLabels.min), point(max, endLabels.max)] : [];
}

function answerVariable(column: ExportColumn, language: SurveyLanguage, words: AnalystWords): Omit<AnalystVariable, 'name'> {
	const { item } = column;
	const text = localText(item.text, language) || item.code;
	const part = item.kind !== 'pair' ? '' : column.code.endsWith(EXPECTATION_SUFFIX) ? ` (${words.expectation})` : column.code.endsWith(PERCEPTION_SUFFIX) ? ` (${words.perception})` : '';
	const base = { header: column.header, label: `${text}${part}${column.recoded ? ` (${words.recoded})` : ''}`, missing: missingCodes(item), decimals: 0, maxBytes: 64 };
	// Text cells: up to 3 bytes a character, plus the apostrophes that neutralise formulas.
	const textBytes = (characters: number) => 3 * characters + 3;
	if (column.other) return { ...base, label: `${text}: ${words.other}`, type: 'text', level: 'nominal', values: [], maxBytes: textBytes(OTHER_MAX_LENGTH) };
	if (isScaled(item)) return { ...base, type: 'number', level: item.kind === 'likert' || item.kind === 'pair' ? 'ordinal' : 'scale', values: pointLabels(item, language) };
	if (item.kind === 'number') return { ...base, type: 'number', level: 'scale', values: [], decimals: item.decimals };
	if (item.kind === 'text') return { ...base, type: 'text', level: 'nominal', values: [], maxBytes: textBytes(item.maxLength) };
	const options = [...item.options.map((o) => ({ code: o.code, label: localText(o.label, language) || o.code })), ...(item.other ? [{ code: OTHER_OPTION, label: words.other }] : [])];
	if (item.kind === 'single') return { ...base, type: 'choice', level: 'nominal', values: options.map((o, i) => ({ value: i + 1, ...o })) };
	return { ...base, type: 'text', level: 'nominal', values: [], maxBytes: textBytes(options.reduce((sum, o) => sum + o.code.length + 1, 0)) };
}

const NUMERIC_METADATA = new Set<ExportedMetadata>(['version', 'duration_s']);

function metadataVariable(m: ExportedMetadata): Omit<AnalystVariable, 'name'> {
	const numeric = NUMERIC_METADATA.has(m);
	return { header: m, label: '', type: numeric ? 'number' : 'text', level: m === 'duration_s' ? 'scale' : 'nominal', values: [], missing: null, decimals: m === 'duration_s' ? 3 : 0, maxBytes: 64 };
}

// Words SPSS reserves; a variable may not be called so.
const RESERVED = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);

/** Names from the headers: letters, digits and _ only, starting with a letter, at most 64 characters, unique in any case. */
function uniqueNames(codes: readonly string[]): string[] {
	const taken = new Set<string>();
	return codes.map((code) => {
		let name = code.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 60);
		if (!/^[A-Za-z]/.test(name)) name = `V${name}`;
		if (RESERVED.has(name.toUpperCase())) name += '_';
		let unique = name;
		for (let n = 2; taken.has(unique.toUpperCase()); n++) unique = `${name}_${n}`;
		taken.add(unique.toUpperCase());
		return unique;
	});
}

/** The variables of a codes export with these metadata and answer columns, labelled in `language`. */
export function analystVariables(metadata: readonly ExportedMetadata[], columns: readonly ExportColumn[], language: SurveyLanguage, words: AnalystWords): AnalystVariable[] {
	const variables = [...metadata.map(metadataVariable), ...columns.map((c) => answerVariable(c, language, words))];
	const names = uniqueNames([...metadata, ...columns.map((c) => c.code)]);
	return variables.map((v, i) => ({ name: names[i], ...v }));
}
