/**
 * The import of one file, storage left to the caller: stream the bytes, plan the columns from the
 * header, validate every record, and hand valid records to `store` in batches — until the first
 * error, after which nothing more is stored and the caller must throw away what it has (all or
 * nothing). Reading goes on to report further errors, up to `maxErrors`.
 */
import type { SurveyDefinition } from '../survey/definition';
import type { MetadataRules } from '../survey/response-metadata';
import type { FileEncoding } from './encoding';
import { planColumns, type SavedMapping } from './import-mapping';
import { CsvInputError, type CellError } from './issues';
import { rowValidator, type ImportedRow } from './row-validation';
import { readCsvStream, type CsvHeader } from './stream-reader';

export interface ImportTarget {
	definition: SurveyDefinition;
	mapping: SavedMapping;
	/** What submitted_at, channel and language cells may say. */
	metadata: MetadataRules;
}

export type ImportOutcome =
	| { ok: true; rows: number; encoding: FileEncoding; delimiter: string }
	/** Headers neither an answer code nor remembered: map them, then import again. */
	| { ok: false; kind: 'mapping'; header: string[]; unknown: string[] }
	/** `errors` holds the first maxErrors; `errorCount` counts all found before reading stopped. */
	| { ok: false; kind: 'invalid'; errors: CellError[]; errorCount: number; truncated: boolean };

export interface ImportOptions {
	maxErrors?: number;
	/** Valid records per call of `store`. */
	batchSize?: number;
	/** Called after each batch with the records read so far. */
	onProgress?: (rows: number) => void;
}

export const MAX_REPORTED_ERRORS = 1000;

class Stop extends Error {}

/** Runs the import; `store` receives valid records in order while the file is still error-free. */
export async function runImport(
	source: AsyncIterable<Uint8Array>,
	target: ImportTarget,
	store: (rows: ImportedRow[]) => Promise<void>,
	options: ImportOptions = {}
): Promise<ImportOutcome> {
	const { maxErrors = MAX_REPORTED_ERRORS, batchSize = 500, onProgress } = options;
	const errors: CellError[] = [];
	let errorCount = 0;
	let header: CsvHeader | undefined;
	let validate: ReturnType<typeof rowValidator> | undefined;
	let unknown: string[] = [];
	let rows = 0;
	let pending: ImportedRow[] = [];
	const onHeader = (h: CsvHeader) => {
		header = h;
		const plan = planColumns(h.cells, target.definition, target.mapping);
		if (!plan.ok) {
			unknown = plan.unknown;
			errors.push(...plan.errors);
			errorCount = plan.errors.length;
			throw new Stop();
		}
		validate = rowValidator({ definition: target.definition, header: h.cells, columns: plan.columns, metadata: target.metadata, delimiter: h.delimiter });
	};
	try {
		for await (const batch of readCsvStream(source, onHeader)) {
			for (const [i, cells] of batch.rows.entries()) {
				if (cells.length === 0) continue;
				rows++;
				const before = errors.length;
				const row = validate!(cells, batch.firstRow + i, errors);
				if (row && errorCount === 0) pending.push(row);
				errorCount += errors.length - before;
				if (errors.length >= maxErrors) throw new Stop();
			}
			if (errorCount === 0 && pending.length >= batchSize) {
				await store(pending);
				pending = [];
			}
			onProgress?.(rows);
		}
	} catch (e) {
		if (e instanceof CsvInputError) {
			errors.push({ row: e.row ?? 1, column: '', value: '', reason: e.issue });
			errorCount++;
		} else if (!(e instanceof Stop)) throw e;
	}
	if (unknown.length && errorCount === 0) return { ok: false, kind: 'mapping', header: header!.cells, unknown };
	if (errorCount === 0 && rows === 0) {
		errors.push({ row: 2, column: '', value: '', reason: { code: 'data.import.noRows' } });
		errorCount = 1;
	}
	if (errorCount > 0) return { ok: false, kind: 'invalid', errors: errors.slice(0, maxErrors), errorCount, truncated: errors.length >= maxErrors };
	if (pending.length) await store(pending);
	return { ok: true, rows, encoding: header!.encoding, delimiter: header!.delimiter };
}
