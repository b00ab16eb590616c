/**
 * Plain-text tables for terminals (the CLI's --format table, the benchmarks): the export
 * encoding beside CSV for people reading a console. Pure: returns the text.
 */

const NUMERIC = /^[-+−]?[\d.,]+(e[-+]?\d+)?\s*[%×x]?$|^[-–—]$/i;

/** Header and rows as aligned columns separated by two spaces; columns whose cells all look numeric are right-aligned. */
export function formatTextTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
	const right = header.map((_, c) => rows.length > 0 && rows.every((r) => NUMERIC.test((r[c] ?? '').trim())));
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, c) => (right[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
			.join('  ')
			.trimEnd();
	const rule = widths.map((w) => '─'.repeat(w)).join('  ');
	return [line(header), rule, ...rows.map((r) => line(header.map((_, c) => r[c] ?? '')))].join('\n');
}
