// The analysis store's cells per contact segment value: for each contact attribute marked as a
// report segment, the same statistics as analysis_cells for the responses whose contact had each
// value, so a report filtered by tier or region reads cells instead of raw responses.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CellKey, StoredCell } from './analysis-cell';

type Db = Kysely<Database>;

/** Identifies a cell among all cells of a survey, segment cells included. */
export const cellKeyText = (k: CellKey): string => `${k.versionId}\n${k.period}\n${k.channel}\n${k.segment ? `${k.segment.attribute}\n${k.segment.value}` : ''}`;

const toSegmentCell = (r: Database['analysis_segment_cells']): StoredCell => ({
	versionId: r.version_id,
	period: r.period,
	channel: r.channel,
	segment: { attribute: r.attribute, value: r.value },
	layout: r.layout,
	rows: Number(r.rows),
	data: r.data
});

/** Segment cells of one attribute's values, optionally limited to a month range (inclusive) and channels. */
export async function readSegmentCells(
	db: Db,
	surveyId: string,
	segment: { attribute: string; values: readonly string[] },
	filter: { from?: string; to?: string; channels?: readonly string[] } = {}
): Promise<StoredCell[]> {
	if (segment.values.length === 0) return [];
	let query = db
		.selectFrom('analysis_segment_cells')
		.selectAll()
		.where('survey_id', '=', surveyId)
		.where('attribute', '=', segment.attribute)
		.where('value', 'in', [...segment.values]);
	if (filter.from) query = query.where('period', '>=', filter.from);
	if (filter.to) query = query.where('period', '<=', filter.to);
	if (filter.channels && filter.channels.length > 0) query = query.where('channel', 'in', [...filter.channels]);
	return (await query.orderBy('period').execute()).map(toSegmentCell);
}

/** The stored segment cells with these keys (inside the folding transaction). */
export async function readSegmentCellsByKey(trx: Db, surveyId: string, keys: readonly CellKey[]): Promise<StoredCell[]> {
	if (keys.length === 0) return [];
	const rows = await trx
		.selectFrom('analysis_segment_cells')
		.selectAll()
		.where('survey_id', '=', surveyId)
		.where('attribute', 'in', [...new Set(keys.map((k) => k.segment!.attribute))])
		.where('period', 'in', [...new Set(keys.map((k) => k.period))])
		.execute();
	const wanted = new Set(keys.map(cellKeyText));
	return rows.map(toSegmentCell).filter((c) => wanted.has(cellKeyText(c)));
}

/** Inserts or replaces a segment cell. */
export async function writeSegmentCell(trx: Db, surveyId: string, cell: StoredCell, now: number): Promise<void> {
	const { attribute, value } = cell.segment!;
	const values = { layout: cell.layout, rows: cell.rows, data: cell.data, updated_at: now };
	await trx
		.insertInto('analysis_segment_cells')
		.values({ survey_id: surveyId, attribute, value, version_id: cell.versionId, period: cell.period, channel: cell.channel, ...values })
		.onConflict((oc) => oc.columns(['survey_id', 'attribute', 'value', 'version_id', 'period', 'channel']).doUpdateSet(values))
		.execute();
}

/** The values each segment attribute has cells for in the survey's store (attribute key → sorted values). */
export async function listSegmentValues(db: Db, surveyId: string): Promise<Map<string, string[]>> {
	const rows = await db.selectFrom('analysis_segment_cells').select(['attribute', 'value']).distinct().where('survey_id', '=', surveyId).execute();
	const out = new Map<string, string[]>();
	for (const r of rows) out.set(r.attribute, [...(out.get(r.attribute) ?? []), r.value]);
	for (const values of out.values()) values.sort();
	return out;
}
