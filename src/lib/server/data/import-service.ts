// Importing a CSV file of responses into a survey: the pure pipeline (src/lib/csv) checks the
// file while valid rows wait in a staging table; only a file without a single error moves into
// responses, in one transaction with its audit entry. Used by the page, the API and the CLI.
import type { Kysely } from 'kysely';
import type { Database, ImportVia } from '../db/schema';
import { foldSurvey } from '../analysis/fold';
import { recordAudit } from '../repo/audit';
import {
	abandonStaleRuns,
	commitStaged,
	discardStaged,
	finishImportRun,
	insertImportRun,
	loadImportMapping,
	stageRows
} from '../repo/imports';
import { listChannels } from '../repo/channels';
import { findVersion, listVersions, type Survey, type SurveyVersion } from '../repo/surveys';
import type { User } from '../repo/users';
import { randomToken } from '../ids';
import { runImport, type ImportOutcome } from '../../csv/import-pipeline';
import type { SavedMapping } from '../../csv/import-mapping';
import type { ImportedRow } from '../../csv/row-validation';
import type { MetadataRules } from '../../survey/response-metadata';

type Db = Kysely<Database>;

export interface ImportRequest {
	survey: Survey;
	/** Who imports (null: the command line, run by the operator). */
	actor: Pick<User, 'id' | 'email'> | null;
	via: ImportVia;
	fileName: string;
	source: AsyncIterable<Uint8Array>;
	/** Header → answer code choices for this import on top of the survey's remembered ones. */
	mapping?: SavedMapping;
	onProgress?: (rows: number) => void;
	/** Fold the new responses into the analysis store afterwards (default true). */
	fold?: boolean;
	/** The clock (epoch ms): the time of rows without one, and the latest time a row may give. */
	now?: number;
}

export type ImportResult = ImportOutcome & { runId: string };

/** A run still 'running' after this long was left behind by a stopped process. */
const STALE_RUN_MS = 6 * 60 * 60_000;

/** The version imported responses are recorded against: the current one, else the newest. */
export async function importVersion(db: Db, survey: Survey): Promise<SurveyVersion | undefined> {
	if (survey.currentVersionId) return findVersion(db, survey.currentVersionId);
	return (await listVersions(db, survey.id)).at(-1);
}

/** Id prefix shared by one import's responses: sequential ids land side by side in the primary key. */
function idMaker(): (seq: number) => string {
	const prefix = randomToken().slice(0, 24);
	return (seq) => prefix + seq.toString(32).padStart(8, '0');
}

/** Imports the file all or nothing; the outcome says what was stored or why nothing was. */
export async function importResponses(db: Db, request: ImportRequest): Promise<ImportResult> {
	const { survey } = request;
	const now = request.now ?? Date.now();
	const version = await importVersion(db, survey);
	const runId = await insertImportRun(db, { surveyId: survey.id, userId: request.actor?.id ?? null, via: request.via, fileName: request.fileName }, now);
	if (!version) {
		const errors = [{ row: 0, column: '', value: '', reason: { code: 'data.import.noVersion' } }];
		await finishImportRun(db, runId, { status: 'failed', rows: 0, errorCount: 1, errors });
		return { ok: false, kind: 'invalid', errors, errorCount: 1, truncated: false, runId };
	}
	await abandonStaleRuns(db, now - STALE_RUN_MS);
	const mapping = { ...(await loadImportMapping(db, survey.id)), ...request.mapping };
	const newId = idMaker();
	let seq = 0;
	const store = async (rows: ImportedRow[]) => {
		await stageRows(db, runId, seq, rows.map((r, i) => ({
			id: newId(seq + i),
			language: r.language ?? survey.settings.defaultLanguage,
			channelCode: r.channel,
			submittedAt: r.submittedAt ?? now,
			answers: JSON.stringify(r.answers)
		})));
		seq += rows.length;
	};
	try {
		const metadata = await metadataRules(db, survey, now);
		const target = { definition: version.definition, mapping, metadata };
		const outcome = await runImport(request.source, target, store, { onProgress: request.onProgress });
		await settle(db, request, runId, version.id, outcome);
		if (outcome.ok && request.fold !== false) await foldSurvey(db, survey.id);
		return { ...outcome, runId };
	} finally {
		await discardStaged(db, runId);
	}
}

/** What the survey accepts as a response's time, channel and language, at `now`. */
export async function metadataRules(db: Db, survey: Survey, now: number): Promise<MetadataRules> {
	const channels = (await listChannels(db, survey.id)).map((c) => c.code);
	return { now, timeZone: survey.settings.timeZone, languages: survey.settings.languages, channels };
}

/** Commits a clean run (responses, run record and audit entry together) or records why it failed. */
async function settle(db: Db, request: ImportRequest, runId: string, versionId: string, outcome: ImportOutcome): Promise<void> {
	if (!outcome.ok) {
		const status = outcome.kind === 'mapping' ? 'mapping' : 'failed';
		const errors = outcome.kind === 'invalid' ? outcome.errors : [];
		await finishImportRun(db, runId, { status, rows: 0, errorCount: outcome.kind === 'invalid' ? outcome.errorCount : 0, errors });
		return;
	}
	await db.transaction().execute(async (trx) => {
		const stored = await commitStaged(trx, { runId, surveyId: request.survey.id, versionId, source: 'import' });
		await finishImportRun(trx, runId, { status: 'done', rows: stored, errorCount: 0, errors: [] });
		await recordAudit(trx, {
			action: 'data.import',
			actor: request.actor,
			target: request.survey.code,
			detail: { rows: stored, file: request.fileName, via: request.via }
		});
	});
}
