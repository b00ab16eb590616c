// CSV downloads, produced as streams of text chunks: responses page by page (bounded memory
// however many there are) and import error reports. Routes turn them into HTTP bodies, the CLI
// into files.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { allResponses } from '../repo/exports';
import { listVersions, type Survey } from '../repo/surveys';
import { exportItems, responseCsv, type ResponseExportOptions, type VersionDefinitions } from '../../csv/response-export';
import type { Item } from '../../survey/definition';
import { textLine, UTF8_BOM } from '../../csv/export-encoding';
import type { CellError } from '../../csv/issues';
import type { MessageParams } from '../../i18n/translate';

type Db = Kysely<Database>;

/** The items an export has columns for (every version's, newest first) and each version's questionnaire. */
export async function exportedQuestionnaires(db: Db, survey: Survey): Promise<{ items: Item[]; versions: VersionDefinitions }> {
	const versions = await listVersions(db, survey.id);
	const items = exportItems(versions.length ? versions.map((v) => v.definition) : [survey.draft]);
	return { items, versions: new Map(versions.map((v) => [v.number, v.definition])) };
}

/** The file name of the survey's response export; the analysts' files read the CSV by this name. */
export const responsesFileName = (survey: Survey, extension: string) => `${survey.code}-responses.${extension}`;

/** The survey's responses as CSV text chunks: BOM and header first, then one chunk per page of responses. */
export async function* responseCsvChunks(db: Db, survey: Survey, options: ResponseExportOptions): AsyncGenerator<string> {
	const { items, versions } = await exportedQuestionnaires(db, survey);
	const { header, row } = responseCsv(items, options, survey.settings.timeZone, versions);
	yield UTF8_BOM + header;
	for await (const page of allResponses(db, survey.id)) {
		let chunk = '';
		for (const response of page) chunk += row(response);
		yield chunk;
	}
}

/** An import error report as CSV: row, column, value, reason (in the reader's language). */
export async function* errorReportChunks(
	errors: readonly CellError[],
	headings: [string, string, string, string],
	message: (key: string, params?: MessageParams) => string
): AsyncGenerator<string> {
	yield UTF8_BOM + textLine(headings);
	for (const e of errors) yield textLine([e.row, e.column, e.value, message(e.reason.code, e.reason.params)]);
}

/** Text chunks as a byte stream that produces only as fast as it is read. */
export function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await chunks.next();
			if (next.done) controller.close();
			else controller.enqueue(encoder.encode(next.value));
		},
		async cancel() {
			await chunks.return(undefined);
		}
	});
}

/** A download response: CSV (or another text type) with a file name (RFC 6266, UTF-8 names allowed). */
export function csvDownload(body: ReadableStream<Uint8Array> | string, fileName: string, contentType = 'text/csv'): Response {
	return new Response(body, {
		headers: {
			'content-type': `${contentType}; charset=utf-8`,
			'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
			'cache-control': 'no-store'
		}
	});
}
