/**
 * Streaming CSV reading with PapaParse's chunk parser: text arrives in chunks, complete records
 * leave in batches, and only the unfinished last record is carried to the next chunk, so memory
 * is bounded by the chunk size plus the longest record (capped). Comma, semicolon or tab.
 */
import Papa from 'papaparse';
import { decodeStream, type FileEncoding } from './encoding';
import { CsvInputError } from './issues';

export const DELIMITERS = [',', ';', '\t'];

/** Text gathered before the first parse, so the delimiter is guessed from whole lines, not a fragment. */
const FIRST_PARSE_CHARS = 16 * 1024;

/** A record longer than this (characters) is refused: usually an unclosed quote swallowing the file. */
export const MAX_RECORD_CHARS = 1024 * 1024;

export interface CsvHeader {
	cells: string[];
	delimiter: string;
	encoding: FileEncoding;
}

/**
 * Data records in file order; `firstRow` is the spreadsheet row of rows[0] (the header is row 1).
 * A blank record between data records stays as an empty array so that row numbers keep counting.
 */
export interface CsvBatch {
	rows: string[][];
	firstRow: number;
}

interface ChunkParser {
	parse(input: string, baseIndex: number, ignoreLastRow: boolean): Papa.ParseResult<string[]>;
}

/** Records of a text stream, each chunk parsed as soon as it arrives (the unfinished tail waits for the next). */
async function* records(text: AsyncIterable<string>): AsyncGenerator<{ rows: string[][]; delimiter: string; first: number }> {
	const Handle = (Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => ChunkParser }).ParserHandle;
	let handle: ChunkParser | undefined;
	let partial = '';
	let base = 0;
	let count = 0;
	const run = (input: string, last: boolean) => {
		handle ??= new Handle({ delimiter: guessDelimiter(input) });
		const result = handle.parse(input, base, !last);
		const quotes = result.errors.find((e) => e.type === 'Quotes');
		if (quotes) {
			const row = count + (quotes.row ?? 0) + 1;
			throw new CsvInputError({ code: 'data.import.quotes', params: { row } }, row);
		}
		const cursor = result.meta.cursor;
		partial = last ? '' : input.substring(cursor - base);
		base = cursor;
		if (partial.length > MAX_RECORD_CHARS) throw new CsvInputError({ code: 'data.import.rowTooLong', params: { row: count + 1, max: MAX_RECORD_CHARS } }, count + 1);
		const out = { rows: result.data, delimiter: result.meta.delimiter, first: count + 1 };
		count += result.data.length;
		return out;
	};
	for await (const chunk of text) {
		if (chunk === '') continue;
		if (count === 0 && base === 0 && partial.length + chunk.length < FIRST_PARSE_CHARS) {
			partial += chunk;
			continue;
		}
		yield run(partial + chunk, false);
	}
	if (partial !== '') yield run(partial, true);
}

/**
 * The separator of a file: the candidate found most often in its header line (outside quotes),
 * comma on a tie. The header decides because every column has one, where data cells may be empty
 * or hold decimal commas.
 */
export function guessDelimiter(text: string): string {
	const line = (text.replace(/^\uFEFF/, '').match(/^[^\r\n]*/)?.[0] ?? '').replace(/"[^"]*"/g, '');
	let best = ',';
	let most = 0;
	for (const candidate of DELIMITERS) {
		const n = line.split(candidate).length - 1;
		if (n > most) [best, most] = [candidate, n];
	}
	return best;
}

const blank = (row: string[]) => row.every((cell) => cell.trim() === '');

/**
 * Reads a CSV byte stream: resolves the header through `onHeader` (trimmed cells, delimiter,
 * encoding), then yields batches of data records. Blank records are skipped but still counted,
 * so row numbers match the spreadsheet. Throws CsvInputError for an empty file, bad encoding or quoting.
 */
export async function* readCsvStream(source: AsyncIterable<Uint8Array>, onHeader: (header: CsvHeader) => void): AsyncGenerator<CsvBatch> {
	let encoding: FileEncoding = 'utf-8';
	let header: string[] | undefined;
	for await (const { rows, delimiter, first } of records(decodeStream(source, (e) => (encoding = e)))) {
		let start = 0;
		if (!header) {
			while (start < rows.length && blank(rows[start])) start++;
			if (start === rows.length) continue;
			header = rows[start].map((cell) => cell.trim());
			onHeader({ cells: header, delimiter, encoding });
			start++;
		}
		const batch: string[][] = [];
		let firstRow = first + start;
		for (let i = start; i < rows.length; i++) {
			if (blank(rows[i])) {
				if (batch.length === 0) firstRow++;
				else batch.push([]);
				continue;
			}
			batch.push(rows[i]);
		}
		if (batch.length) yield { rows: batch, firstRow };
	}
	if (!header) throw new CsvInputError({ code: 'data.import.empty' });
}
