/**
 * Reading a contact file through the streamed CSV reader (UTF-8 or GBK, comma, semicolon or tab):
 * plan the columns, check every row, and keep the valid ones — all of them or, after the first
 * error, none (the caller then stores nothing). Contact lists are held in memory up to
 * MAX_CONTACT_ROWS rows, so matching them against stored contacts is one pass.
 */
import type { FileEncoding } from './encoding';
import { CONTACT_FIELDS, contactRowChecker, planContactColumns, type ContactField, type ContactMapping, type ContactRow } from './contact-rows';
import { CsvInputError, type CellError } from './issues';
import { readCsvStream, type CsvHeader } from './stream-reader';

export const MAX_CONTACT_ROWS = 100_000;
export const MAX_CONTACT_ERRORS = 1000;

export type ContactFileOutcome =
	/** `columns`: the header feeding each field, for the report of later checks. */
	| { ok: true; rows: ContactRow[]; columns: Partial<Record<ContactField, string>>; encoding: FileEncoding; delimiter: string }
	/** Headers neither well known nor remembered: map them, then import again. */
	| { ok: false; kind: 'mapping'; header: string[]; unknown: string[] }
	| { ok: false; kind: 'invalid'; errors: CellError[]; errorCount: number; truncated: boolean };

class Stop extends Error {}

/** The valid rows of a contact file, or why there are none to store. */
export async function readContactFile(source: AsyncIterable<Uint8Array>, remembered: ContactMapping, maxRows = MAX_CONTACT_ROWS): Promise<ContactFileOutcome> {
	const errors: CellError[] = [];
	const rows: ContactRow[] = [];
	let header: CsvHeader | undefined;
	let unknown: string[] = [];
	let check: ReturnType<typeof contactRowChecker> | undefined;
	const columns: Partial<Record<ContactField, string>> = {};
	let read = 0;
	const onHeader = (h: CsvHeader) => {
		header = h;
		const plan = planContactColumns(h.cells, remembered);
		if (!plan.ok) {
			unknown = plan.unknown;
			errors.push(...plan.errors);
			throw new Stop();
		}
		for (const field of CONTACT_FIELDS) if (plan.targets.includes(field)) columns[field] = h.cells[plan.targets.indexOf(field)];
		check = contactRowChecker(h.cells, plan.targets);
	};
	try {
		for await (const batch of readCsvStream(source, onHeader)) {
			for (const [i, cells] of batch.rows.entries()) {
				if (cells.length === 0) continue;
				const row = batch.firstRow + i;
				if (++read > maxRows) {
					errors.push({ row, column: '', value: '', reason: { code: 'contacts.import.tooMany', params: { max: maxRows } } });
					throw new Stop();
				}
				const contact = check!(cells, row, errors);
				if (contact && errors.length === 0) rows.push(contact);
				if (errors.length >= MAX_CONTACT_ERRORS) throw new Stop();
			}
		}
	} catch (e) {
		if (e instanceof CsvInputError) errors.push({ row: e.row ?? 1, column: '', value: '', reason: e.issue });
		else if (!(e instanceof Stop)) throw e;
	}
	if (unknown.length && header) return { ok: false, kind: 'mapping', header: header.cells, unknown };
	if (errors.length === 0 && read === 0) errors.push({ row: 2, column: '', value: '', reason: { code: 'contacts.import.noRows' } });
	if (errors.length) return { ok: false, kind: 'invalid', errors, errorCount: errors.length, truncated: errors.length >= MAX_CONTACT_ERRORS };
	return { ok: true, rows, columns, encoding: header!.encoding, delimiter: header!.delimiter };
}
