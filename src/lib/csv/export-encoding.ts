/**
 * Writing CSV for spreadsheets: UTF-8 with a BOM (so Excel shows Chinese), quoting where needed,
 * and text cells that a spreadsheet would run as a formula (= + - @, tab, CR) prefixed with an
 * apostrophe. Numbers are written as numbers, so a negative score stays a number.
 */

export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n;\t]/;

/** A text cell made harmless: prefixed with ' when a spreadsheet would read it as a formula. */
export function neutralise(text: string): string {
	// Already-prefixed text gets one more apostrophe, so restoreNeutralised gives back exactly the original.
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of neutralise, used when a file we exported is imported again. */
export function restoreNeutralised(text: string): string {
	return text.startsWith("'") && FORMULA_START.test(text) ? text.slice(1) : text;
}

/** One cell of comma-separated output: quoted when it holds a separator, quote or line break. */
export function quoteCell(cell: string): string {
	return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** A text cell: neutralised, then quoted. */
export function textCell(text: string): string {
	return quoteCell(neutralise(text));
}

/** A number cell; '' for a missing value. */
export function numberCell(value: number | null | undefined): string {
	return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
}

/** One CSV line (CRLF, as RFC 4180 and Excel expect) from cells already encoded. */
export function csvLine(cells: readonly string[]): string {
	return cells.join(',') + '\r\n';
}

/** A whole CSV line from plain texts (headers, report rows): every cell neutralised and quoted. */
export function textLine(cells: readonly (string | number | null)[]): string {
	return csvLine(cells.map((c) => (typeof c === 'number' ? numberCell(c) : textCell(c ?? ''))));
}
