/**
 * Respondent tables from CSV text (PapaParse): a header row of item codes, one row per
 * respondent, comma, semicolon or tab separated, UTF-8 with or without BOM. Pure: the caller
 * reads the file. Cells stay text until `numericColumns` picks and parses the columns it needs,
 * so extra columns (names, segments, free text) never cause errors.
 */
import Papa from 'papaparse';
import { fail, ok, type StatsResult } from '../stats/result';
import { isNotShownMark, NOT_APPLICABLE, RECODED_SUFFIX } from './columns';

export interface TextTable {
	/** Header cells, trimmed. */
	columns: string[];
	/** Data rows as text; short rows are padded with empty cells. */
	rows: string[][];
	/** The separator PapaParse detected. */
	delimiter: string;
}

const DELIMITERS = [',', ';', '\t'];

/** Parses CSV text into a header and text rows; fails on an empty file or broken quoting. */
export function readTable(text: string): StatsResult<TextTable> {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const parsed = Papa.parse<string[]>(body, { delimitersToGuess: DELIMITERS, skipEmptyLines: 'greedy' });
	const broken = parsed.errors.find((e) => e.type === 'Quotes');
	if (broken) return fail('stats.analyze.csvQuotes', { row: (broken.row ?? 0) + 1 });
	const [header, ...rows] = parsed.data;
	if (!header || header.every((cell) => cell.trim() === '')) return fail('stats.analyze.csvEmpty');
	const columns = header.map((cell) => cell.trim());
	const width = columns.length;
	return ok({
		columns,
		rows: rows.map((row) => (row.length >= width ? row : [...row, ...new Array<string>(width - row.length).fill('')])),
		delimiter: parsed.meta.delimiter
	});
}

const notApplicable = new Set(NOT_APPLICABLE.map((t) => t.toLowerCase()));

/**
 * A number from a cell: empty, "not applicable" or "not shown" (as our exports write them) → null
 * (missing, never zero); a decimal comma is accepted when the file is
 * semicolon-separated (the usual European export); anything else non-numeric → undefined.
 */
export function parseCell(cell: string, delimiter: string): number | null | undefined {
	const trimmed = cell.trim();
	if (trimmed === '' || notApplicable.has(trimmed.toLowerCase()) || isNotShownMark(trimmed)) return null;
	const normalised = delimiter === ';' ? trimmed.replace(',', '.') : trimmed;
	const value = Number(normalised);
	return Number.isFinite(value) ? value : undefined;
}

/** The header of item `name`: its code, or our export's reverse-coded column `name [recoded]` when only that exists. */
function columnOf(table: TextTable, name: string): string {
	return !table.columns.includes(name) && table.columns.includes(name + RECODED_SUFFIX) ? name + RECODED_SUFFIX : name;
}

/** The items among `names` whose values the file holds already reverse-coded (our export's `[recoded]` columns). */
export function recodedColumns(table: TextTable, names: readonly string[]): string[] {
	return names.filter((name) => columnOf(table, name) !== name);
}

/** The named columns as numbers (null = missing), in the order asked; fails naming a missing, duplicated or non-numeric column. */
export function numericColumns(table: TextTable, names: readonly string[]): StatsResult<(number | null)[][]> {
	const indices: number[] = [];
	for (const name of names) {
		const header = columnOf(table, name);
		const index = table.columns.indexOf(header);
		if (index < 0) return fail('stats.analyze.unknownItem', { item: name });
		if (table.columns.lastIndexOf(header) !== index) return fail('stats.analyze.csvDuplicateColumn', { column: header });
		indices.push(index);
	}
	const rows: (number | null)[][] = [];
	for (const [r, cells] of table.rows.entries()) {
		const row: (number | null)[] = [];
		for (const [i, index] of indices.entries()) {
			const value = parseCell(cells[index], table.delimiter);
			// Row numbers count the header, as a spreadsheet shows them.
			if (value === undefined) return fail('stats.analyze.csvNotNumber', { row: r + 2, column: names[i], value: cells[index].trim() });
			row.push(value);
		}
		rows.push(row);
	}
	return ok(rows);
}
