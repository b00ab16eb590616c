import type { Kysely } from 'kysely';
import type { Database, ImportStatus, ImportVia, ResponseSource } from '../db/schema';
import type { CellError } from '../../csv/issues';
import type { SavedMapping } from '../../csv/import-mapping';
import { randomToken } from '../ids';
import { recountQuotas } from './quotas';

type Db = Kysely<Database>;

export interface ImportRun {
	id: string;
	surveyId: string;
	via: ImportVia;
	fileName: string;
	status: ImportStatus;
	rows: number;
	errorCount: number;
	errors: CellError[];
	createdAt: number;
	finishedAt: number | null;
}

/** One valid record waiting in the staging table. */
export interface StagedRow {
	id: string;
	language: string;
	channelCode: string | null;
	submittedAt: number;
	answers: string;
}

/** The survey's remembered header → answer code choices ('' = ignore). */
export async function loadImportMapping(db: Db, surveyId: string): Promise<SavedMapping> {
	const rows = await db.selectFrom('import_mappings').select(['header', 'target']).where('survey_id', '=', surveyId).execute();
	return Object.fromEntries(rows.map((r) => [r.header, r.target]));
}

/** Remembers header → answer code choices for the survey (replacing earlier choices for the same headers). */
export async function saveImportMapping(db: Db, surveyId: string, mapping: SavedMapping, now = Date.now()): Promise<void> {
	for (const [header, target] of Object.entries(mapping)) {
		await db
			.insertInto('import_mappings')
			.values({ survey_id: surveyId, header, target, updated_at: now })
			.onConflict((oc) => oc.columns(['survey_id', 'header']).doUpdateSet({ target, updated_at: now }))
			.execute();
	}
}

/** Starts the record of an import attempt. */
export async function insertImportRun(db: Db, input: { surveyId: string; userId: string | null; via: ImportVia; fileName: string }, now = Date.now()): Promise<string> {
	const id = randomToken();
	await db
		.insertInto('import_runs')
		.values({ id, survey_id: input.surveyId, user_id: input.userId, via: input.via, file_name: input.fileName, status: 'running', rows: 0, error_count: 0, errors: '[]', created_at: now, finished_at: null })
		.execute();
	return id;
}

/** Records how an import attempt ended. */
export async function finishImportRun(db: Db, id: string, outcome: { status: ImportStatus; rows: number; errorCount: number; errors: CellError[] }, now = Date.now()): Promise<void> {
	await db
		.updateTable('import_runs')
		.set({ status: outcome.status, rows: outcome.rows, error_count: outcome.errorCount, errors: JSON.stringify(outcome.errors), finished_at: now })
		.where('id', '=', id)
		.execute();
}

/** An import attempt of this survey, or undefined. */
export async function findImportRun(db: Db, surveyId: string, id: string): Promise<ImportRun | undefined> {
	const row = await db.selectFrom('import_runs').selectAll().where('id', '=', id).where('survey_id', '=', surveyId).executeTakeFirst();
	return (
		row && {
			id: row.id,
			surveyId: row.survey_id,
			via: row.via,
			fileName: row.file_name,
			status: row.status,
			rows: Number(row.rows),
			errorCount: Number(row.error_count),
			errors: JSON.parse(row.errors) as CellError[],
			createdAt: Number(row.created_at),
			finishedAt: row.finished_at === null ? null : Number(row.finished_at)
		}
	);
}

/** Adds valid records to the run's staging area; `firstSeq` is the file position of rows[0]. */
export async function stageRows(db: Db, runId: string, firstSeq: number, rows: readonly StagedRow[]): Promise<void> {
	// 100 rows × 7 values stays far below both engines' bound-parameter limits.
	for (let start = 0; start < rows.length; start += 100) {
		const values = rows.slice(start, start + 100).map((r, i) => ({
			run_id: runId,
			seq: firstSeq + start + i,
			id: r.id,
			language: r.language,
			channel_code: r.channelCode,
			submitted_at: r.submittedAt,
			answers: r.answers
		}));
		await db.insertInto('import_staging').values(values).execute();
	}
}

/**
 * Moves a run's staged records into responses (uncounted, so the analysis fold picks them up) and
 * adds them to the survey's response count and quota fills (counted, never refused: an import is
 * data the researcher already has). Call inside the transaction that finishes the run.
 */
export async function commitStaged(db: Db, input: { runId: string; surveyId: string; versionId: string; source: ResponseSource }): Promise<number> {
	const result = await db
		.insertInto('responses')
		.columns(['id', 'survey_id', 'version_id', 'language', 'channel_code', 'source', 'submitted_at', 'answers'])
		.expression((eb) =>
			eb
				.selectFrom('import_staging')
				.select((s) => [
					'id',
					s.val(input.surveyId).as('survey_id'),
					s.val(input.versionId).as('version_id'),
					'language',
					'channel_code',
					s.val(input.source).as('source'),
					'submitted_at',
					'answers'
				])
				.where('run_id', '=', input.runId)
				.orderBy('seq')
		)
		.executeTakeFirst();
	const n = Number(result.numInsertedOrUpdatedRows ?? 0);
	await db
		.updateTable('surveys')
		.set((eb) => ({ response_count: eb('response_count', '+', n) }))
		.where('id', '=', input.surveyId)
		.execute();
	await recountQuotas(db, input.surveyId);
	return n;
}

/** Empties a run's staging area. */
export async function discardStaged(db: Db, runId: string): Promise<void> {
	await db.deleteFrom('import_staging').where('run_id', '=', runId).execute();
}

/** Marks runs left 'running' by a stopped process as failed and drops their staged rows. */
export async function abandonStaleRuns(db: Db, startedBefore: number, now = Date.now()): Promise<void> {
	const stale = await db.selectFrom('import_runs').select('id').where('status', '=', 'running').where('created_at', '<', startedBefore).execute();
	for (const { id } of stale) {
		await discardStaged(db, id);
		await db.updateTable('import_runs').set({ status: 'failed', finished_at: now }).where('id', '=', id).execute();
	}
}
