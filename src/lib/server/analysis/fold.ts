// Folding: responses arrive with counted = 0 (web, import, API); a fold claims them in batches and
// adds their statistics into the store's cells, in the same transaction, so a response is counted
// exactly once however many processes fold at the same time. Reports fold before they read. A
// response given through a contact's invitation also counts in the cells of its contact's value of
// each attribute marked as a report segment (the value it had when the response was given).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import {
	claimUncounted,
	listStoredLayouts,
	lockSurveyStore,
	readCellsByKey,
	resetSurveyStore,
	writeCell,
	type CellKey,
	type RawResponse
} from '../repo/analysis-store';
import { cellKeyText } from '../repo/analysis-segments';
import { CellAccumulator, mergeCells, type CellData } from '../../stats/report/cells';
import { monthOf } from '../../survey/periods';
import { loadAnalysisContext, loadStoreContext, type AnalysisContext } from './context';

type Db = Kysely<Database>;

/** Responses claimed per transaction: short enough not to hold up submissions on SQLite. */
export const FOLD_BATCH = 5000;

export interface FoldResult {
	folded: number;
	/** True when a stored cell had an outdated layout and the survey's store was rebuilt. */
	rebuilt: boolean;
}

class LayoutChanged extends Error {}

/** The cells a response counts in: its version, month and channel, and the same per value of each segment attribute its contact had. */
function cellKeysOf(context: AnalysisContext, r: RawResponse): CellKey[] {
	const key: CellKey = { versionId: r.versionId, period: monthOf(r.submittedAt, context.survey.settings.timeZone), channel: r.channel };
	const keys = [key];
	for (const attribute of context.segmentAttributes) {
		const value = r.contactValues?.[attribute];
		if (typeof value === 'string' && value !== '') keys.push({ ...key, segment: { attribute, value } });
	}
	return keys;
}

/** Statistics of a batch per cell; responses of unknown versions are skipped (they cannot be laid out). */
function accumulate(context: AnalysisContext, responses: readonly RawResponse[]): Map<string, { key: CellKey; acc: CellAccumulator }> {
	const cells = new Map<string, { key: CellKey; acc: CellAccumulator }>();
	for (const r of responses) {
		const layout = context.layouts.get(r.versionId);
		if (!layout) continue;
		for (const key of cellKeysOf(context, r)) {
			let cell = cells.get(cellKeyText(key));
			if (!cell) {
				const created = CellAccumulator.create(layout);
				if (!created.ok) break; // a version without scaled items has nothing to aggregate
				cell = { key, acc: created.value };
				cells.set(cellKeyText(key), cell);
			}
			cell.acc.add(r.answers);
		}
	}
	return cells;
}

/** Claims one batch and merges it into the cells; returns how many responses it claimed. */
async function foldBatch(trx: Db, context: AnalysisContext, limit: number): Promise<number> {
	const surveyId = context.survey.id;
	const claimed = await claimUncounted(trx, surveyId, limit);
	if (claimed.length === 0) return 0;
	const fresh = accumulate(context, claimed);
	const stored = new Map((await readCellsByKey(trx, surveyId, [...fresh.values()].map((c) => c.key))).map((c) => [cellKeyText(c), c]));
	const now = Date.now();
	for (const [id, { key, acc }] of fresh) {
		const layout = context.storedLayouts.get(key.versionId)!;
		let data: CellData = acc.finish();
		const old = stored.get(id);
		if (old) {
			if (old.layout !== layout) throw new LayoutChanged();
			const merged = mergeCells(JSON.parse(old.data) as CellData, data);
			if (!merged.ok) throw new LayoutChanged();
			data = merged.value;
		}
		await writeCell(trx, surveyId, { ...key, layout, rows: data.stats.rows, data: JSON.stringify(data) }, now);
	}
	return claimed.length;
}

/** Folds every pending response inside one transaction (rebuilds use this to stay all-or-nothing). */
async function foldAllIn(trx: Db, context: AnalysisContext): Promise<number> {
	let total = 0;
	for (let n = await foldBatch(trx, context, FOLD_BATCH); n > 0; n = await foldBatch(trx, context, FOLD_BATCH)) total += n;
	return total;
}

/** Whether every stored cell of the survey was built for the context's layouts and segment attributes. */
export async function storeIsCurrent(db: Db, context: AnalysisContext): Promise<boolean> {
	return (await listStoredLayouts(db, context.survey.id)).every((c) => context.storedLayouts.get(c.versionId) === c.layout);
}

/** Recomputes the survey's store from its raw responses in one transaction; returns the responses folded. */
export async function rebuildSurveyStore(db: Db, surveyId: string): Promise<number> {
	const context = await loadAnalysisContext(db, surveyId);
	if (!context) return 0;
	return db.transaction().execute(async (trx) => {
		await lockSurveyStore(trx, surveyId);
		await resetSurveyStore(trx, surveyId);
		return foldAllIn(trx, context);
	});
}

/** Folds the survey's uncounted responses, a batch per transaction (in the store's context, see loadStoreContext); rebuilds when the layout changed. */
export async function foldSurvey(db: Db, surveyId: string, context?: AnalysisContext): Promise<FoldResult> {
	const ctx = context ?? (await loadStoreContext(db, surveyId));
	if (!ctx) return { folded: 0, rebuilt: false };
	let folded = 0;
	try {
		for (;;) {
			const n = await db.transaction().execute(async (trx) => {
				await lockSurveyStore(trx, surveyId);
				return foldBatch(trx, ctx, FOLD_BATCH);
			});
			if (n === 0) return { folded, rebuilt: false };
			folded += n;
		}
	} catch (e) {
		if (!(e instanceof LayoutChanged)) throw e;
		return { folded: await rebuildSurveyStore(db, surveyId), rebuilt: true };
	}
}
