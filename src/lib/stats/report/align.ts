/**
 * Re-expressing ItemStatistics over other columns: embedding a version's statistics into the
 * union layout of all versions (a column the version lacks is simply unanswered by its rows), and
 * selecting a subset of columns. Pairwise sums, ranges and histograms carry over exactly;
 * complete-case sums only when every target column is present (else no row is complete).
 */
import type { ItemStatistics } from '../sufficient';

interface Target {
	/** Index of each target column in the source, or −1 when the source lacks it. */
	from: number[];
	scales: { lo: number; hi: number }[];
	reversed: boolean[];
}

function remap(s: ItemStatistics, t: Target): ItemStatistics {
	const K = t.from.length;
	const k = s.k;
	const square = () => new Array<number>(K * K).fill(0);
	const pairwise = { n: square(), sum: square(), sumSq: square(), cross: square() };
	for (let I = 0; I < K; I++) {
		const i = t.from[I];
		if (i < 0) continue;
		for (let J = 0; J < K; J++) {
			const j = t.from[J];
			if (j < 0) continue;
			const src = i * k + j;
			const dst = I * K + J;
			pairwise.n[dst] = s.pairwise.n[src];
			pairwise.sum[dst] = s.pairwise.sum[src];
			pairwise.sumSq[dst] = s.pairwise.sumSq[src];
			pairwise.cross[dst] = s.pairwise.cross[src];
		}
	}
	const allPresent = t.from.every((i) => i >= 0);
	const complete = allPresent
		? { n: s.complete.n, sum: t.from.map((i) => s.complete.sum[i]), cross: t.from.flatMap((i) => t.from.map((j) => s.complete.cross[i * k + j])) }
		: { n: 0, sum: new Array<number>(K).fill(0), cross: square() };
	const histograms = t.scales.map((scale, I) => {
		const i = t.from[I];
		return i >= 0 && s.histograms ? [...s.histograms[i]] : new Array<number>(scale.hi - scale.lo + 1).fill(0);
	});
	return {
		version: 1,
		k: K,
		rows: s.rows,
		scales: t.scales.map((x) => ({ ...x })),
		reversed: [...t.reversed],
		pairwise,
		complete,
		min: t.from.map((i) => (i >= 0 ? s.min[i] : null)),
		max: t.from.map((i) => (i >= 0 ? s.max[i] : null)),
		histograms
	};
}

export interface ColumnSpec {
	code: string;
	scale: { lo: number; hi: number };
	reversed: boolean;
}

/** `stats` (columns `source`) over the `target` columns; a source column with another scale or coding is dropped. */
export function embedStatistics(stats: ItemStatistics, source: readonly ColumnSpec[], target: readonly ColumnSpec[]): ItemStatistics {
	const from = target.map((t) => {
		const i = source.findIndex((c) => c.code === t.code);
		const same = i >= 0 && source[i].scale.lo === t.scale.lo && source[i].scale.hi === t.scale.hi && source[i].reversed === t.reversed;
		return same ? i : -1;
	});
	return remap(stats, { from, scales: target.map((t) => t.scale), reversed: target.map((t) => t.reversed) });
}

/** The statistics of a subset of columns (0-based indices, in the order given); complete-case sums are cleared. */
export function selectStatistics(stats: ItemStatistics, columns: readonly number[]): ItemStatistics {
	if (!stats.scales) throw new Error('selectStatistics needs statistics with scales');
	const scales = stats.scales;
	const selected = remap(stats, { from: [...columns], scales: columns.map((i) => scales[i]), reversed: columns.map((i) => stats.reversed[i]) });
	return { ...selected, complete: { n: 0, sum: selected.complete.sum.map(() => 0), cross: selected.complete.cross.map(() => 0) } };
}
