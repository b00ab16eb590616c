/**
 * Cells of the analysis store: the sufficient statistics (src/lib/stats/sufficient.ts) of the
 * responses of one version, month and channel over the version's layout, plus joint answer counts
 * for the segment cross-tabs. Built row by row, merged by addition, and re-expressed over the
 * union layout of all versions so cells of different versions add up.
 */
import type { Answers } from '../../survey/definition';
import { fail, ok, type StatsResult } from '../result';
import { ItemAccumulator, mergeItemStatistics, type ItemStatistics } from '../sufficient';
import type { AnalysisLayout } from './layout';

/** Joint counts per pair 'A|B', keyed by 'x|y' (recoded answers). */
export type JointCounts = Record<string, Record<string, number>>;

/** Responses that were shown each conditional item (item code → count); absent when none is conditional. */
export type ShownCounts = Record<string, number>;

export interface CellData {
	stats: ItemStatistics;
	joint: JointCounts;
	shown?: ShownCounts;
}

/** One answer as a column value: a whole number on the scale, else missing (never zero). */
function valueOf(answer: unknown, lo: number, hi: number): number | null {
	return typeof answer === 'number' && Number.isInteger(answer) && answer >= lo && answer <= hi ? answer : null;
}

/** Accumulates the responses of one cell. */
export class CellAccumulator {
	private readonly joint: JointCounts = {};
	private readonly shown: ShownCounts | undefined;
	private readonly row: (number | null)[];
	private readonly jointIndex: [number, number][];

	private constructor(
		private readonly layout: AnalysisLayout,
		private readonly items: ItemAccumulator
	) {
		this.row = new Array(layout.columns.length).fill(null);
		const index = (code: string) => layout.columns.findIndex((c) => c.code === code);
		this.jointIndex = layout.joints.map(([a, b]) => [index(a), index(b)]);
		for (const [a, b] of layout.joints) this.joint[`${a}|${b}`] = {};
		if (layout.conditional) this.shown = Object.fromEntries(layout.conditional.items.map((item) => [item, 0]));
	}

	/** An accumulator for the layout; fails only on an invalid layout (no scaled items, bad scale). */
	static create(layout: AnalysisLayout): StatsResult<CellAccumulator> {
		const { columns } = layout;
		if (columns.length === 0) return fail('stats.emptyInput', { name: 'items' });
		const items = ItemAccumulator.create(columns.length, { scales: columns.map((c) => c.scale), reversed: columns.map((c) => c.reversed) });
		return items.ok ? ok(new CellAccumulator(layout, items.value)) : items;
	}

	/** Adds one response's answers (answers off the scale count as missing). */
	add(answers: Answers): void {
		const { columns } = this.layout;
		for (let i = 0; i < columns.length; i++) this.row[i] = valueOf(answers[columns[i].code], columns[i].scale.lo, columns[i].scale.hi);
		this.items.add(this.row);
		this.layout.joints.forEach(([a, b], p) => {
			const [i, j] = this.jointIndex[p];
			const x = this.recoded(i);
			const y = this.recoded(j);
			if (x === null || y === null) return;
			const counts = this.joint[`${a}|${b}`];
			counts[`${x}|${y}`] = (counts[`${x}|${y}`] ?? 0) + 1;
		});
		if (this.shown) this.countShown(this.shown, this.layout.conditional!.shownOf(answers));
	}

	private countShown(counts: ShownCounts, shown: ReadonlySet<string>): void {
		for (const item of Object.keys(counts)) if (shown.has(item)) counts[item]++;
	}

	private recoded(i: number): number | null {
		const x = this.row[i];
		const c = this.layout.columns[i];
		return x === null ? null : c.reversed ? c.scale.lo + c.scale.hi - x : x;
	}

	finish(): CellData {
		const stats = this.items.finish();
		if (!stats.ok) throw new Error(`cell statistics: ${stats.error.code}`); // rows are validated in add(), so this is a bug
		return { stats: stats.value, joint: this.joint, ...(this.shown ? { shown: this.shown } : {}) };
	}
}

/** Cell data of `rows` answers over the layout. */
export function buildCell(layout: AnalysisLayout, rows: Iterable<Answers>): StatsResult<CellData> {
	const created = CellAccumulator.create(layout);
	if (!created.ok) return created;
	for (const answers of rows) created.value.add(answers);
	return ok(created.value.finish());
}

function mergeJoint(a: JointCounts, b: JointCounts): JointCounts {
	const out: JointCounts = {};
	for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
		const merged = { ...(a[key] ?? {}) };
		for (const [xy, count] of Object.entries(b[key] ?? {})) merged[xy] = (merged[xy] ?? 0) + count;
		out[key] = merged;
	}
	return out;
}

/** Both cells' shown counts added up; undefined when neither has any. */
function mergeShown(a: ShownCounts | undefined, b: ShownCounts | undefined): ShownCounts | undefined {
	if (!a || !b) return a ?? b;
	const out = { ...a };
	for (const [item, count] of Object.entries(b)) out[item] = (out[item] ?? 0) + count;
	return out;
}

/** The cell of both cells' responses; fails when their layouts differ. */
export function mergeCells(a: CellData, b: CellData): StatsResult<CellData> {
	const stats = mergeItemStatistics(a.stats, b.stats);
	if (!stats.ok) return stats;
	const shown = mergeShown(a.shown, b.shown);
	return ok({ stats: stats.value, joint: mergeJoint(a.joint, b.joint), ...(shown ? { shown } : {}) });
}

/** Sum of many cells of one layout (checked as mergeCells does); null when there are none. Adds in place into one copy, as a report sums hundreds of cells. */
export function sumCells(cells: readonly CellData[]): CellData | null {
	if (cells.length === 0) return null;
	if (cells.length === 1) return cells[0];
	const first = cells[0];
	const shape = JSON.stringify([first.stats.k, first.stats.scales, first.stats.reversed]);
	const total: CellData = structuredClone(first);
	const t = total.stats;
	const add = (into: number[], from: readonly number[]) => {
		for (let i = 0; i < into.length; i++) into[i] += from[i];
	};
	for (const cell of cells.slice(1)) {
		const s = cell.stats;
		if (JSON.stringify([s.k, s.scales, s.reversed]) !== shape) throw new Error('cells of different layouts');
		t.rows += s.rows;
		for (const key of ['n', 'sum', 'sumSq', 'cross'] as const) add(t.pairwise[key], s.pairwise[key]);
		t.complete.n += s.complete.n;
		add(t.complete.sum, s.complete.sum);
		add(t.complete.cross, s.complete.cross);
		t.min = t.min.map((v, i) => (v === null ? s.min[i] : s.min[i] === null ? v : Math.min(v, s.min[i]!)));
		t.max = t.max.map((v, i) => (v === null ? s.max[i] : s.max[i] === null ? v : Math.max(v, s.max[i]!)));
		t.histograms?.forEach((h, i) => add(h, s.histograms![i]));
		total.joint = mergeJoint(total.joint, cell.joint);
		total.shown = mergeShown(total.shown, cell.shown);
	}
	return total;
}
