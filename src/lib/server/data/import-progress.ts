// The import page's upload: the file streams in, is imported as it arrives, and the answer is a
// stream of NDJSON lines — progress (rows checked, bytes read) while it runs, then the outcome —
// so the page can draw a progress bar without polling.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CellError } from '../../csv/issues';
import { importResponses, type ImportRequest, type ImportResult } from './import-service';

/** What the page needs to know about a finished import (a bounded slice of the errors). */
export type ImportSummary =
	| { kind: 'done'; rows: number; file: string; runId: string }
	| { kind: 'mapping'; unknown: string[]; file: string; runId: string }
	| { kind: 'invalid'; errors: CellError[]; errorCount: number; truncated: boolean; file: string; runId: string };

export type ImportEvent = { type: 'progress'; rows: number; bytes: number } | ({ type: 'result' } & ImportSummary);

/** Errors shown on the page directly; the run page and its CSV report hold the rest. */
export const ERRORS_ON_PAGE = 100;

export function importSummary(result: ImportResult, file: string): ImportSummary {
	if (result.ok) return { kind: 'done', rows: result.rows, file, runId: result.runId };
	if (result.kind === 'mapping') return { kind: 'mapping', unknown: result.unknown, file, runId: result.runId };
	return { kind: 'invalid', errors: result.errors.slice(0, ERRORS_ON_PAGE), errorCount: result.errorCount, truncated: result.truncated, file, runId: result.runId };
}

/** Counts the bytes flowing through, for progress against the file size. */
async function* counted(source: AsyncIterable<Uint8Array>, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
	for await (const chunk of source) {
		onBytes(chunk.length);
		yield chunk;
	}
}

/** Runs the import and reports it as NDJSON events (progress at most every `intervalMs`, then the result). */
export function importEventStream(db: Kysely<Database>, request: Omit<ImportRequest, 'onProgress'>, intervalMs = 200): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let bytes = 0;
	let lastSent = 0;
	return new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (event: ImportEvent) => controller.enqueue(encoder.encode(JSON.stringify(event) + '\n'));
			const onProgress = (rows: number) => {
				if (Date.now() - lastSent < intervalMs) return;
				lastSent = Date.now();
				send({ type: 'progress', rows, bytes });
			};
			// Not awaited: the stream is handed to the client at once and fills while the import runs.
			importResponses(db, { ...request, source: counted(request.source, (n) => (bytes += n)), onProgress }).then(
				(result) => {
					send({ type: 'result', ...importSummary(result, request.fileName) });
					controller.close();
				},
				(e: unknown) => {
					console.error('Import failed unexpectedly', e);
					controller.error(e);
				}
			);
		}
	});
}
