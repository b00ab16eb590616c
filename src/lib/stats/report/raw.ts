/**
 * From responses or stored cells to report cells over the union layout: the same path for the
 * store (cells per version, month and channel) and for raw scans (ad-hoc segment filters, the
 * benchmark baseline, tests), so both give the same numbers.
 */
import type { Answers } from '../../survey/definition';
import { monthOf } from '../../survey/periods';
import { embedStatistics } from './align';
import { CellAccumulator, sumCells, type CellData, type ShownCounts } from './cells';
import type { AnalysisLayout } from './layout';
import type { ReportCell } from './model';

/**
 * Who was shown each of the union's conditional items: the cell's count where the version made the
 * item conditional, every response where the version always shows it, nobody where it lacks it.
 */
function alignShown(data: CellData, layout: AnalysisLayout, union: AnalysisLayout): ShownCounts | undefined {
	if (!union.conditional) return undefined;
	const asked = new Set(layout.columns.map((c) => c.item));
	return Object.fromEntries(union.conditional.items.map((item) => [item, data.shown?.[item] ?? (asked.has(item) ? data.stats.rows : 0)]));
}

/** A version's cell re-expressed over the union layout (joint counts kept for the union's pairs). */
export function alignCell(data: CellData, layout: AnalysisLayout, union: AnalysisLayout): CellData {
	const stats = layout.signature === union.signature ? data.stats : embedStatistics(data.stats, layout.columns, union.columns);
	const joint = Object.fromEntries(union.joints.map(([a, b]) => [`${a}|${b}`, data.joint[`${a}|${b}`] ?? {}]));
	const shown = alignShown(data, layout, union);
	return { stats, joint, ...(shown ? { shown } : {}) };
}

export interface ResponseForReport {
	versionId: string;
	channel: string;
	submittedAt: number;
	answers: Answers;
}

/** Collects responses into report cells (per version, month and channel) one at a time, so a scan needs no more memory than its cells. */
export class ReportCellBuilder {
	private readonly accumulators = new Map<string, { versionId: string; period: string; channel: string; acc: CellAccumulator }>();

	constructor(
		private readonly layouts: ReadonlyMap<string, AnalysisLayout>,
		private readonly union: AnalysisLayout,
		private readonly timeZone: string
	) {}

	/** Adds one response (responses of unknown versions are skipped). */
	add(r: ResponseForReport): void {
		const layout = this.layouts.get(r.versionId);
		if (!layout) return;
		const period = monthOf(r.submittedAt, this.timeZone);
		const key = `${r.versionId}\n${period}\n${r.channel}`;
		let entry = this.accumulators.get(key);
		if (!entry) {
			const created = CellAccumulator.create(layout);
			if (!created.ok) return;
			entry = { versionId: r.versionId, period, channel: r.channel, acc: created.value };
			this.accumulators.set(key, entry);
		}
		entry.acc.add(r.answers);
	}

	/** The cells over the union layout, versions merged, in period order. */
	finish(): ReportCell[] {
		const cells = [...this.accumulators.values()].map((e) => ({ period: e.period, channel: e.channel, data: alignCell(e.acc.finish(), this.layouts.get(e.versionId)!, this.union) }));
		return mergeVersions(cells);
	}
}

/** Report cells (per month and channel, over the union layout) built straight from responses. */
export function cellsFromResponses(responses: Iterable<ResponseForReport>, layouts: ReadonlyMap<string, AnalysisLayout>, union: AnalysisLayout, timeZone: string): ReportCell[] {
	const builder = new ReportCellBuilder(layouts, union, timeZone);
	for (const r of responses) builder.add(r);
	return builder.finish();
}

/** Cells of the same month and channel (from different versions) added together, in period order. */
export function mergeVersions(cells: readonly ReportCell[]): ReportCell[] {
	const groups = new Map<string, ReportCell[]>();
	for (const c of cells) groups.set(`${c.period}\n${c.channel}`, [...(groups.get(`${c.period}\n${c.channel}`) ?? []), c]);
	return [...groups.values()]
		.map((list) => ({ period: list[0].period, channel: list[0].channel, data: sumCells(list.map((c) => c.data))! }))
		.sort((a, b) => (a.period === b.period ? a.channel.localeCompare(b.channel) : a.period.localeCompare(b.period)));
}
