/**
 * Channels side by side: each channel's CSI with its 95 % CI, and a Welch test of the channel
 * against all other respondents together, Holm-adjusted across the channels tested.
 */
import { holmAdjust } from '../holm';
import { SIGNIFICANCE_LEVEL } from '../trend';
import { sumCells, type CellData } from './cells';
import { estimateChange, indexEstimate, type IndexEstimate } from './estimates';

export interface GroupComparison {
	channel: string;
	n: number;
	csi: IndexEstimate | null;
	/** Channel − rest in CSI points, Welch p, Holm-adjusted p; null when either side lacks an SD. */
	vsRest: { difference: number; p: number; pHolm: number; significant: boolean } | null;
}

/** One row per channel (input order), tested against the rest when there are at least two channels. */
export function compareGroups(groups: readonly [string, CellData][], csi: { columns: number[]; weights: number[] }): GroupComparison[] {
	const rows = groups.map(([channel, cell], i) => {
		const own = indexEstimate(cell.stats, csi.columns, csi.weights);
		const others = groups.filter((_, j) => j !== i).map(([, c]) => c);
		const rest = others.length > 0 ? sumCells(others) : null;
		const change = rest ? estimateChange(indexEstimate(rest.stats, csi.columns, csi.weights), own) : null;
		return { channel, n: cell.stats.rows, csi: own, change };
	});
	const tested = rows.filter((r) => r.change !== null);
	const adjusted = new Map(tested.map((r, i) => [r.channel, holmAdjust(tested.map((t) => t.change!.p))[i]]));
	return rows.map(({ channel, n, csi: own, change }) => {
		const pHolm = adjusted.get(channel);
		return { channel, n, csi: own, vsRest: change && pHolm !== undefined ? { difference: change.difference, p: change.p, pHolm, significant: pHolm < SIGNIFICANCE_LEVEL } : null };
	});
}
