/**
 * What the engine reads off ItemStatistics: Moments (pairwise or complete-case), pairwise
 * correlations, and per-item summaries for tables (methods.md §1).
 */
import type { Moments } from './moments';
import { fail, ok, type StatsResult } from './result';
import { linearIndexCI } from './scores';
import type { ItemStatistics } from './sufficient';
import type { MeanInterval } from './trend';

/** Per-item figures on the recoded scale. */
export interface ItemSummary {
	/** Respondents who answered (n) and who did not (missing). */
	n: number;
	missing: number;
	/** Mean and sample SD on the item's scale; null when n = 0 (mean) or n < 2 (sd). */
	mean: number | null;
	sd: number | null;
	min: number | null;
	max: number | null;
	/** Counts per scale point lo..hi, null without scales. */
	histogram: number[] | null;
	/** Share of answers in the two highest points, 0–100; null without scale or answers. */
	topTwoBox: number | null;
}

/** Pairwise-complete covariance (n − 1) of items i and j, or null when fewer than 2 rows answer both. */
function pairCovariance(s: ItemStatistics, i: number, j: number): number | null {
	const ij = i * s.k + j;
	const n = s.pairwise.n[ij];
	if (n < 2) return null;
	return (s.pairwise.cross[ij] - (s.pairwise.sum[ij] * s.pairwise.sum[j * s.k + i]) / n) / (n - 1);
}

/** Variance of item i over the rows answering both i and j (what R's pairwise cor uses). */
function pairVariance(s: ItemStatistics, i: number, j: number): number {
	const ij = i * s.k + j;
	const n = s.pairwise.n[ij];
	return (s.pairwise.sumSq[ij] - s.pairwise.sum[ij] ** 2 / n) / (n - 1);
}

/** Moments from pairwise-complete rows (as R's cov(use = "pairwise")); n = smallest pair count; fails when a pair has n < 2. */
export function pairwiseMoments(s: ItemStatistics): StatsResult<Moments> {
	const { k } = s;
	const cov: number[][] = [];
	for (let i = 0; i < k; i++) {
		cov.push(new Array<number>(k));
		for (let j = 0; j < k; j++) {
			const c = pairCovariance(s, i, j);
			if (c === null) return fail('stats.tooFewPairs', { item: i + 1, other: j + 1, needed: 2, actual: s.pairwise.n[i * k + j] });
			cov[i][j] = c;
		}
	}
	const mean = Array.from({ length: k }, (_, i) => s.pairwise.sum[i * k + i] / s.pairwise.n[i * k + i]);
	return ok({ n: Math.min(...s.pairwise.n), mean, cov });
}

/** Moments from the rows answering every item (listwise deletion); fails when fewer than 2 such rows. */
export function completeCaseMoments(s: ItemStatistics): StatsResult<Moments> {
	const { k, complete: c } = s;
	if (c.n < 2) return fail('stats.tooFewRespondents', { name: 'completeCases', needed: 2, actual: c.n });
	const mean = c.sum.map((v) => v / c.n);
	const cov = Array.from({ length: k }, (_, i) =>
		Array.from({ length: k }, (_, j) => (c.cross[i * k + j] - c.n * mean[i] * mean[j]) / (c.n - 1))
	);
	return ok({ n: c.n, mean, cov });
}

/** Pairwise correlation matrix, −1..1 (as R's cor(use = "pairwise")); fails on a pair with n < 2 or zero variance. */
export function pairwiseCorrelation(s: ItemStatistics): StatsResult<number[][]> {
	const { k } = s;
	const r: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(1));
	for (let i = 0; i < k; i++) {
		for (let j = 0; j < k; j++) {
			const c = pairCovariance(s, i, j);
			if (c === null) return fail('stats.tooFewPairs', { item: i + 1, other: j + 1, needed: 2, actual: s.pairwise.n[i * k + j] });
			const vi = pairVariance(s, i, j);
			const vj = pairVariance(s, j, i);
			if (!(vi > 0)) return fail('stats.zeroVariance', { item: i + 1 });
			if (!(vj > 0)) return fail('stats.zeroVariance', { item: j + 1 });
			if (i !== j) r[i][j] = c / Math.sqrt(vi * vj);
		}
	}
	return ok(r);
}

/** n, missing, mean, SD, range, histogram and top-2-box (0–100) of every item. */
export function itemSummaries(s: ItemStatistics): ItemSummary[] {
	return Array.from({ length: s.k }, (_, i) => {
		const n = s.pairwise.n[i * s.k + i];
		const histogram = s.histograms ? [...s.histograms[i]] : null;
		return {
			n,
			missing: s.rows - n,
			mean: n > 0 ? s.pairwise.sum[i * s.k + i] / n : null,
			sd: n > 1 ? Math.sqrt(Math.max(0, pairVariance(s, i, i))) : null,
			min: s.min[i],
			max: s.max[i],
			histogram,
			topTwoBox: histogram && n > 0 ? ((histogram[histogram.length - 1] + (histogram[histogram.length - 2] ?? 0)) / n) * 100 : null
		};
	});
}

/** The moments of a subset of items (0-based indices), e.g. the children of one node. */
export function selectMoments(m: Moments, items: readonly number[]): Moments {
	return { n: m.n, mean: items.map((i) => m.mean[i]), cov: items.map((i) => items.map((j) => m.cov[i][j])) };
}

/**
 * Index yᵣ (0–100) of the statistics' items with its t-CI, from the rows answering every item:
 * the §1 index of a node (or of loyalty items) straight from stored statistics.
 */
export function indexFromStatistics(s: ItemStatistics, weights: readonly number[], level = 0.95): StatsResult<MeanInterval> {
	if (!s.scales) return fail('stats.scalesMissing');
	const moments = completeCaseMoments(s);
	if (!moments.ok) return moments;
	return linearIndexCI(moments.value, weights, s.scales, level);
}
