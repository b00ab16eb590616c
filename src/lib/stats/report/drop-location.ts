/**
 * Where a drop happened: which channel carries a significant fall of the CSI or of a dimension
 * between two consecutive periods, read from the store's cells per period and channel.
 *
 * The rule ("the drop is concentrated at channel c"), for an index falling from period 0 to 1:
 * - each channel present in both periods has its own change Δc (Welch on the cells' moments, as
 *   any change in the report) and its share of respondents w̄c = (nc0 + nc1) / (N0 + N1), n being
 *   the index's respondents and N the sum over those channels;
 * - its contribution to the fall is w̄c·Δc — the within-channel part of a shift-share split of
 *   the total change (the rest comes from channels' shares changing);
 * - the drop is concentrated at c when c's contribution is more than half of all falling
 *   channels' contributions together, c's own change is a fall significant at 5 % after Holm's
 *   adjustment across the channels tested, and there are at least two channels.
 * At most one channel can carry more than half, so the answer is unique.
 */
import { holmAdjust } from '../holm';
import { SIGNIFICANCE_LEVEL } from '../trend';
import { bucketOf, type PeriodUnit } from '../../survey/periods';
import { sumCells, type CellData } from './cells';
import { estimateChange, indexEstimate } from './estimates';

// What this module reads of the report model, named here so that model.ts (which calls it) is not imported back.
type FallCheck = { significant: boolean; difference: number } | null;
interface PeriodCell {
	period: string;
	channel: string;
	data: CellData;
}
interface TrendStep {
	period: string;
	change: FallCheck;
	dimensions: Record<string, { change: FallCheck }>;
}
interface IndexColumns {
	columns: number[];
	weights: number[];
}
interface Indices {
	structure: { dimensions: readonly { code: string }[] };
	csi: IndexColumns;
	dimension: ReadonlyMap<string, IndexColumns>;
}

/** Share above which a channel's part of the fall makes the drop concentrated there. */
export const CONCENTRATED_SHARE = 0.5;

export interface ChannelOfDrop {
	channel: string;
	/** The channel's own change in index points (negative). */
	difference: number;
	/** Welch p of that change, Holm-adjusted across the channels tested. */
	pHolm: number;
	/** The channel's part of the fall summed over the channels that fell, 0–1. */
	share: number;
}

/** The channel where the fall of the index (columns, weights) between two periods' cells per channel is concentrated, or null. */
export function channelOfDrop(previous: ReadonlyMap<string, CellData>, current: ReadonlyMap<string, CellData>, index: IndexColumns): ChannelOfDrop | null {
	const rows = [...current.keys()].flatMap((channel) => {
		const before = previous.get(channel);
		if (!before) return [];
		const a = indexEstimate(before.stats, index.columns, index.weights);
		const b = indexEstimate(current.get(channel)!.stats, index.columns, index.weights);
		const change = estimateChange(a, b);
		return change && a && b ? [{ channel, n: a.n + b.n, change }] : [];
	});
	if (rows.length < 2) return null;
	const total = rows.reduce((s, r) => s + r.n, 0);
	const contributions = rows.map((r) => (r.n / total) * r.change.difference);
	const fall = contributions.reduce((s, c) => s + Math.min(0, c), 0);
	const adjusted = holmAdjust(rows.map((r) => r.change.p));
	const i = contributions.findIndex((c) => c < 0 && c / fall > CONCENTRATED_SHARE);
	if (i < 0 || adjusted[i] >= SIGNIFICANCE_LEVEL) return null;
	return { channel: rows[i].channel, difference: rows[i].change.difference, pHolm: adjusted[i], share: contributions[i] / fall };
}

export interface DropLocation extends ChannelOfDrop {
	/** The dimension that fell, null for the CSI. */
	dimension: string | null;
	/** The period of the fall and the one before it. */
	period: string;
	since: string;
}

/** The cells of each period (of `unit`) added up per channel. */
function cellsByPeriod(cells: readonly PeriodCell[], unit: PeriodUnit): Map<string, Map<string, CellData>> {
	const lists = new Map<string, Map<string, CellData[]>>();
	for (const c of cells) {
		const period = bucketOf(c.period, unit);
		const channels = lists.get(period) ?? lists.set(period, new Map()).get(period)!;
		channels.set(c.channel, [...(channels.get(c.channel) ?? []), c.data]);
	}
	return new Map([...lists].map(([period, channels]) => [period, new Map([...channels].map(([channel, list]) => [channel, sumCells(list)!]))]));
}

/** For every significant fall of the CSI or a dimension in the trend (built from `cells` by `unit`), the channel it is concentrated at, where there is one. */
export function dropLocations(reportCells: readonly PeriodCell[], unit: PeriodUnit, trend: readonly TrendStep[], s: Indices): DropLocation[] {
	const cells = cellsByPeriod(reportCells, unit);
	return trend.slice(1).flatMap((point, i) => {
		const since = trend[i].period;
		const indices = [{ dimension: null, change: point.change, index: s.csi }, ...s.structure.dimensions.map((d) => ({ dimension: d.code, change: point.dimensions[d.code]?.change ?? null, index: s.dimension.get(d.code)! }))];
		return indices.flatMap(({ dimension, change, index }) => {
			if (!change?.significant || change.difference >= 0) return [];
			const at = channelOfDrop(cells.get(since) ?? new Map(), cells.get(point.period) ?? new Map(), index);
			return at ? [{ dimension, period: point.period, since, ...at }] : [];
		});
	});
}
