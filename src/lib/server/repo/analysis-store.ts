// The analysis store: cells of sufficient statistics per survey, version, month and channel (and
// per contact segment value, in analysis-segments.ts), the claim of not-yet-counted responses, raw
// scans (rebuild, ad-hoc segment filters, benchmarks) and the report preferences. With
// analysis-segments.ts, the only code of the analysis area that touches Kysely.
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database, ModelRole } from '../db/schema';
import type { Answers } from '../../survey/definition';
import { cellKeyText, readSegmentCellsByKey, writeSegmentCell } from './analysis-segments';
import type { CellKey, StoredCell } from './analysis-cell';

export type { CellKey, SegmentKey, StoredCell } from './analysis-cell';

type Db = Kysely<Database>;

export interface RawResponse {
	id: string;
	versionId: string;
	channel: string;
	submittedAt: number;
	answers: Answers;
	/** The contact's attributes when the response was given (see responses.contact_values); null without a contact. */
	contactValues: Record<string, string> | null;
}

/**
 * Serialises store writers of one survey until the transaction ends. PostgreSQL: a transaction-level
 * advisory lock per survey (several app processes may fold at once). SQLite: writers are already
 * serialised, and every store transaction starts with a write, so nothing else is needed.
 */
export async function lockSurveyStore(trx: Db, surveyId: string): Promise<'advisory' | 'writer'> {
	if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return 'writer';
	await sql`select pg_advisory_xact_lock(hashtext(${`satindex.analysis:${surveyId}`}))`.execute(trx);
	return 'advisory';
}

const rawColumns = ['id', 'version_id', 'channel_code', 'submitted_at', 'answers', 'contact_values'] as const;

const toRaw = (r: { id: string; version_id: string; channel_code: string | null; submitted_at: number; answers: string; contact_values: string | null }): RawResponse => ({
	id: r.id,
	versionId: r.version_id,
	channel: r.channel_code ?? '',
	submittedAt: Number(r.submitted_at),
	answers: JSON.parse(r.answers) as Answers,
	contactValues: r.contact_values === null ? null : (JSON.parse(r.contact_values) as Record<string, string>)
});

/** Marks up to `limit` uncounted responses of the survey as counted and returns them (call inside the folding transaction). */
export async function claimUncounted(trx: Db, surveyId: string, limit: number): Promise<RawResponse[]> {
	const rows = await trx
		.updateTable('responses')
		.set({ counted: 1 })
		.where('id', 'in', (eb) => eb.selectFrom('responses').select('id').where('survey_id', '=', surveyId).where('counted', '=', 0).limit(limit))
		.where('counted', '=', 0)
		.returning(rawColumns)
		.execute();
	return rows.map(toRaw);
}

/** Responses of the survey not yet folded into the store. */
export async function countUncounted(db: Db, surveyId: string): Promise<number> {
	const row = await db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('survey_id', '=', surveyId).where('counted', '=', 0).executeTakeFirst();
	return Number(row?.n ?? 0);
}

/** Surveys whose store holds cells. */
export async function surveysWithCells(db: Db): Promise<string[]> {
	return (await db.selectFrom('analysis_cells').select('survey_id').distinct().execute()).map((r) => r.survey_id);
}

/** Surveys (of the given ones) with uncounted responses. */
export async function surveysWithUncounted(db: Db, surveyIds: readonly string[]): Promise<string[]> {
	if (surveyIds.length === 0) return [];
	const rows = await db.selectFrom('responses').select('survey_id').distinct().where('survey_id', 'in', [...surveyIds]).where('counted', '=', 0).execute();
	return rows.map((r) => r.survey_id);
}

/** Clears the survey's cells and marks all its responses uncounted (inside the rebuilding transaction). */
export async function resetSurveyStore(trx: Db, surveyId: string): Promise<void> {
	await trx.deleteFrom('analysis_cells').where('survey_id', '=', surveyId).execute();
	await trx.deleteFrom('analysis_segment_cells').where('survey_id', '=', surveyId).execute();
	await trx.updateTable('responses').set({ counted: 0 }).where('survey_id', '=', surveyId).where('counted', '=', 1).execute();
}

const toCell = (r: Database['analysis_cells']): StoredCell => ({
	versionId: r.version_id,
	period: r.period,
	channel: r.channel,
	layout: r.layout,
	rows: Number(r.rows),
	data: r.data
});

/** Cells of the survey, optionally limited to a month range (inclusive) and channels. */
export async function readCells(db: Db, surveyId: string, filter: { from?: string; to?: string; channels?: readonly string[] } = {}): Promise<StoredCell[]> {
	let query = db.selectFrom('analysis_cells').selectAll().where('survey_id', '=', surveyId);
	if (filter.from) query = query.where('period', '>=', filter.from);
	if (filter.to) query = query.where('period', '<=', filter.to);
	if (filter.channels && filter.channels.length > 0) query = query.where('channel', 'in', [...filter.channels]);
	return (await query.orderBy('period').execute()).map(toCell);
}

/** The layouts the survey's cells were built with, per version (a rebuild makes them one per version). */
export async function listStoredLayouts(db: Db, surveyId: string): Promise<{ versionId: string; layout: string }[]> {
	const rows = await db.selectFrom('analysis_cells').select(['version_id', 'layout']).distinct().where('survey_id', '=', surveyId).execute();
	return rows.map((r) => ({ versionId: r.version_id, layout: r.layout }));
}

/** The stored cells with these keys, segment cells included (inside the folding transaction). */
export async function readCellsByKey(trx: Db, surveyId: string, keys: readonly CellKey[]): Promise<StoredCell[]> {
	const [plain, segmented] = [keys.filter((k) => !k.segment), keys.filter((k) => k.segment)];
	return [...(await readPlainCellsByKey(trx, surveyId, plain)), ...(await readSegmentCellsByKey(trx, surveyId, segmented))];
}

async function readPlainCellsByKey(trx: Db, surveyId: string, keys: readonly CellKey[]): Promise<StoredCell[]> {
	if (keys.length === 0) return [];
	const rows = await trx
		.selectFrom('analysis_cells')
		.selectAll()
		.where('survey_id', '=', surveyId)
		.where('period', 'in', [...new Set(keys.map((k) => k.period))])
		.execute();
	const wanted = new Set(keys.map(cellKeyText));
	return rows.map(toCell).filter((c) => wanted.has(cellKeyText(c)));
}

/** Inserts or replaces a cell (a segment cell when its key has a segment). */
export async function writeCell(trx: Db, surveyId: string, cell: StoredCell, now: number): Promise<void> {
	if (cell.segment) return writeSegmentCell(trx, surveyId, cell, now);
	const values = { layout: cell.layout, rows: cell.rows, data: cell.data, updated_at: now };
	await trx
		.insertInto('analysis_cells')
		.values({ survey_id: surveyId, version_id: cell.versionId, period: cell.period, channel: cell.channel, ...values })
		.onConflict((oc) => oc.columns(['survey_id', 'version_id', 'period', 'channel']).doUpdateSet(values))
		.execute();
}

/** Raw responses of the survey in submission order, a page at a time (keyset on the survey/submitted-at index), optionally submitted within [fromMs, toMs). */
export async function* scanResponses(db: Db, surveyId: string, range: { fromMs?: number; toMs?: number } = {}, pageSize = 5000): AsyncGenerator<RawResponse[]> {
	let after: { at: number; id: string } | null = null;
	for (;;) {
		let query = db.selectFrom('responses').select(rawColumns).where('survey_id', '=', surveyId);
		if (after) {
			const { at, id } = after;
			query = query.where((eb) => eb.or([eb('submitted_at', '>', at), eb.and([eb('submitted_at', '=', at), eb('id', '>', id)])]));
		}
		if (range.fromMs !== undefined) query = query.where('submitted_at', '>=', range.fromMs);
		if (range.toMs !== undefined) query = query.where('submitted_at', '<', range.toMs);
		const rows = await query.orderBy('submitted_at').orderBy('id').limit(pageSize).execute();
		if (rows.length === 0) return;
		yield rows.map(toRaw);
		const last = rows[rows.length - 1];
		after = { at: Number(last.submitted_at), id: last.id };
	}
}

export interface SystemForReport {
	nodes: { id: string; parentId: string | null; code: string; nameZh: string; nameEn: string; position: number; modelRole: ModelRole | null; weights: Record<string, number> }[];
	paths: { from: string; to: string }[];
}

/** The indicator system's nodes and structural paths (by node code), or null. */
export async function loadSystemForReport(db: Db, systemId: string | null): Promise<SystemForReport | null> {
	if (!systemId) return null;
	const rows = await db.selectFrom('indicator_nodes').selectAll().where('system_id', '=', systemId).orderBy('position').execute();
	const codeOf = new Map(rows.map((r) => [r.id, r.code]));
	const paths = await db.selectFrom('model_paths').select(['from_node_id', 'to_node_id']).where('system_id', '=', systemId).execute();
	return {
		nodes: rows.map((r) => ({
			id: r.id,
			parentId: r.parent_id,
			code: r.code,
			nameZh: r.name_zh,
			nameEn: r.name_en,
			position: Number(r.position),
			modelRole: r.model_role,
			weights: JSON.parse(r.weights) as Record<string, number>
		})),
		paths: paths.map((p) => ({ from: codeOf.get(p.from_node_id) ?? '', to: codeOf.get(p.to_node_id) ?? '' }))
	};
}

/** The weight method chosen for the survey's CSI, or null (the default applies). */
export async function findWeightMethod(db: Db, surveyId: string): Promise<string | null> {
	const row = await db.selectFrom('report_preferences').select('weight_method').where('survey_id', '=', surveyId).executeTakeFirst();
	return row?.weight_method ?? null;
}

/** Stores the weight method chosen for the survey's CSI. */
export async function saveWeightMethod(db: Db, surveyId: string, method: string, userId: string | null, now: number): Promise<void> {
	const values = { weight_method: method, updated_by: userId, updated_at: now };
	await db
		.insertInto('report_preferences')
		.values({ survey_id: surveyId, ...values })
		.onConflict((oc) => oc.column('survey_id').doUpdateSet(values))
		.execute();
}

/** The months and channels the survey has cells for (without reading their statistics). */
export async function listCellKeys(db: Db, surveyId: string): Promise<{ months: string[]; channels: string[] }> {
	const rows = await db.selectFrom('analysis_cells').select(['period', 'channel']).distinct().where('survey_id', '=', surveyId).execute();
	return { months: [...new Set(rows.map((r) => r.period))].sort(), channels: [...new Set(rows.map((r) => r.channel))].sort() };
}

export interface BulkResponse {
	versionId: string;
	language: string;
	channel: string | null;
	submittedAt: number;
	answers: Answers;
	/** The personal invitation it was given through (then source 'web'); absent for imported rows. */
	invitationId?: string;
	/** The attributes of the invitation's contact when it was given (responses.contact_values); absent without a contact. */
	contactValues?: Readonly<Record<string, string>>;
}

/** Inserts already-validated responses in chunks (uncounted, source 'import', or 'web' through an invitation) and adds them to the survey's count; returns their ids. */
export async function insertResponsesInBulk(db: Db, surveyId: string, responses: readonly BulkResponse[], newId: () => string): Promise<string[]> {
	const ids: string[] = [];
	const CHUNK = 500;
	for (let start = 0; start < responses.length; start += CHUNK) {
		const rows = responses.slice(start, start + CHUNK).map((r) => {
			const id = newId();
			ids.push(id);
			return {
				id,
				survey_id: surveyId,
				version_id: r.versionId,
				language: r.language,
				channel_code: r.channel,
				invitation_id: r.invitationId ?? null,
				respondent_key: null,
				source: r.invitationId ? ('web' as const) : ('import' as const),
				started_at: null,
				submitted_at: r.submittedAt,
				duration_ms: null,
				answers: JSON.stringify(r.answers),
				contact_values: r.contactValues ? JSON.stringify(r.contactValues) : null,
				counted: 0
			};
		});
		await db.insertInto('responses').values(rows).execute();
	}
	await db.updateTable('surveys').set((eb) => ({ response_count: eb('response_count', '+', responses.length) })).where('id', '=', surveyId).execute();
	return ids;
}
