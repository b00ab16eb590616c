/**
 * Index estimates straight from stored statistics: the §1 index of a set of columns with given
 * weights (mean of the item scores, SD of yᵣ from the pairwise covariances, t-CI), and the
 * correlations between composites of columns that derived weights and IPA start from.
 */
import type { Moments } from '../moments';
import { linearIndexSummary } from '../scores';
import type { ItemStatistics } from '../sufficient';
import { pairwiseMoments, selectMoments } from '../sufficient-moments';
import { boundedMeanCI } from '../bounded-ci';
import { welchChange, type SampleSummary } from '../trend';
import { selectStatistics } from './align';

export interface IndexEstimate {
	/** 0–100. */
	score: number;
	/** Respondents behind it (smallest count answering a pair of its items). */
	n: number;
	sd: number | null;
	lower: number | null;
	upper: number | null;
	/** How the 95 % CI was computed: 't', or 'logit-t' where the t interval would leave 0–100; null without a CI. */
	interval: 't' | 'logit-t' | null;
}

// A report asks for the moments of many column subsets of the same statistics: the pairwise
// moments of all columns are computed once and subsets selected from them (a pair's covariance
// only involves the rows answering both, so it is the same whichever other columns are present).
const fullMoments = new WeakMap<ItemStatistics, Moments | null>();

/** Pairwise moments of some columns (n = smallest pair count among them); null when a pair was never answered together twice. */
export function momentsOf(stats: ItemStatistics, columns: readonly number[]): Moments | null {
	if (!fullMoments.has(stats)) {
		const all = pairwiseMoments(stats);
		fullMoments.set(stats, all.ok ? all.value : null);
	}
	const all = fullMoments.get(stats);
	if (!all) {
		const m = pairwiseMoments(selectStatistics(stats, columns));
		return m.ok ? m.value : null;
	}
	const n = Math.min(...columns.flatMap((i) => columns.map((j) => stats.pairwise.n[i * stats.k + j])));
	return { ...selectMoments(all, columns), n };
}

/**
 * The index (0–100) of `columns` with `weights` (renormalised over answered columns): the weighted
 * mean of item scores, with SD and 95 % CI when every pair of columns has ≥ 2 joint answers; null when nobody answered.
 */
export function indexEstimate(stats: ItemStatistics, columns: readonly number[], weights: readonly number[]): IndexEstimate | null {
	const { k, pairwise } = stats;
	const scales = stats.scales!;
	const answered = columns.map((c, i) => ({ c, w: weights[i] })).filter(({ c, w }) => pairwise.n[c * k + c] > 0 && w > 0);
	if (answered.length === 0) return null;
	const cols = answered.map((a) => a.c);
	const ws = answered.map((a) => a.w);
	const moments = momentsOf(stats, cols);
	if (moments) {
		const summary = linearIndexSummary(moments, ws, cols.map((c) => scales[c]));
		if (summary.ok) {
			const ci = boundedMeanCI(summary.value);
			const { mean, n, sd } = summary.value;
			return ci.ok ? { score: mean, n, sd, lower: ci.value.lower, upper: ci.value.upper, interval: ci.value.method } : { score: mean, n, sd, lower: null, upper: null, interval: null };
		}
	}
	const total = ws.reduce((s, w) => s + w, 0);
	const score = cols.reduce((s, c, i) => s + (ws[i] / total) * ((pairwise.sum[c * k + c] / pairwise.n[c * k + c] - scales[c].lo) / (scales[c].hi - scales[c].lo)) * 100, 0);
	return { score, n: Math.min(...cols.map((c) => pairwise.n[c * k + c])), sd: null, lower: null, upper: null, interval: null };
}

/** Welch change between two estimates (previous → current), or null when either lacks an SD or n < 2. */
export function estimateChange(previous: IndexEstimate | null, current: IndexEstimate | null): { difference: number; p: number; significant: boolean } | null {
	if (!previous || !current || previous.sd === null || current.sd === null) return null;
	const a: SampleSummary = { n: previous.n, mean: previous.score, sd: previous.sd };
	const b: SampleSummary = { n: current.n, mean: current.score, sd: current.sd };
	const w = welchChange(a, b);
	return w.ok ? { difference: w.value.difference, p: w.value.p, significant: w.value.significant } : null;
}

/**
 * Correlations among composites (each a weighted sum of columns of `moments`, weights per composite):
 * corr(A, B) = aᵀΣb / √(aᵀΣa · bᵀΣb); null where a composite has no variance.
 */
export function compositeCorrelations(moments: Moments, composites: readonly { columns: readonly number[]; weights: readonly number[] }[]): (number | null)[][] {
	const cov = (a: (typeof composites)[number], b: (typeof composites)[number]) => {
		let total = 0;
		a.columns.forEach((i, p) => b.columns.forEach((j, q) => (total += a.weights[p] * b.weights[q] * moments.cov[i][j])));
		return total;
	};
	const variance = composites.map((c) => cov(c, c));
	return composites.map((a, p) =>
		composites.map((b, q) => (variance[p] > 0 && variance[q] > 0 ? (p === q ? 1 : cov(a, b) / Math.sqrt(variance[p] * variance[q])) : null))
	);
}
