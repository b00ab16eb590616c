/**
 * Entropy weights (熵权法, methods.md §2): pᵢⱼ = xᵢⱼ/Σᵢxᵢⱼ, eⱼ = −(1/ln m) Σ pᵢⱼ ln pᵢⱼ,
 * dⱼ = 1 − eⱼ, w = d/Σd. A column is a multiset of values, so value histograms (sufficient
 * statistics of Likert items) give exactly the numbers of the raw rows.
 */
import { checkTable } from '../matrix';
import { fail, ok, type StatsResult } from '../result';
import type { ItemStatistics } from '../sufficient';
import { directWeights } from './direct';

/** 'minMax' rescales each column to 0–1 first, as many Chinese texts do; the choice is recorded. */
export type EntropyNormalisation = 'none' | 'minMax';

export interface EntropyResult {
	/** In [0, 1], Σ = 1. */
	weights: number[];
	/** eⱼ in [0, 1] per column. */
	entropy: number[];
	normalisation: EntropyNormalisation;
}

/** One column as distinct values with their counts (a histogram). */
export interface ValueCounts {
	values: number[];
	counts: number[];
}

/** eⱼ of one column; fails when its values cannot be shares (negative, all zero, or constant under min-max). */
function columnEntropy(column: ValueCounts, item: number, normalisation: EntropyNormalisation): StatsResult<number> {
	// A loop, not Math.min(...values): a raw column can have more values than the call stack allows.
	let lo = Infinity;
	let hi = -Infinity;
	column.values.forEach((v, i) => {
		if (column.counts[i] > 0) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
	});
	if (normalisation === 'none' && lo < 0) return fail('stats.negativeValue', { item, value: lo });
	if (normalisation === 'minMax' && !(hi > lo)) return fail('stats.zeroVariance', { item });
	const x = column.values.map((v) => (normalisation === 'minMax' ? (v - lo) / (hi - lo) : v));
	const m = column.counts.reduce((s, c) => s + c, 0);
	const total = x.reduce((s, v, i) => s + column.counts[i] * v, 0);
	if (!(total > 0)) return fail('stats.zeroTotal', { item });
	let sum = 0;
	x.forEach((v, i) => {
		const p = v / total;
		if (p > 0 && column.counts[i] > 0) sum += column.counts[i] * p * Math.log(p); // 0·ln 0 = 0
	});
	return ok(-sum / Math.log(m));
}

/** Entropy weights from per-column value counts (m = total count ≥ 2 per column). */
export function entropyWeightsFromCounts(columns: ValueCounts[], normalisation: EntropyNormalisation = 'none'): StatsResult<EntropyResult> {
	if (columns.length === 0) return fail('stats.emptyInput', { name: 'columns' });
	const entropy: number[] = [];
	for (let j = 0; j < columns.length; j++) {
		const m = columns[j].counts.reduce((s, c) => s + c, 0);
		if (m < 2) return fail('stats.tooFewRespondents', { name: `column ${j + 1}`, needed: 2, actual: m });
		const expected = columns[0].counts.reduce((s, c) => s + c, 0);
		if (m !== expected) return fail('stats.unequalCounts', { item: j + 1, expected, actual: m });
		const e = columnEntropy(columns[j], j + 1, normalisation);
		if (!e.ok) return e;
		entropy.push(e.value);
	}
	const weights = directWeights(entropy.map((e) => Math.max(0, 1 - e)));
	if (!weights.ok) return fail('stats.entropyNoDivergence');
	return ok({ weights: weights.value, entropy, normalisation });
}

/** Entropy weights of the columns of a raw m×n table (rows = alternatives or respondents). */
export function entropyWeights(matrix: number[][], normalisation: EntropyNormalisation = 'none'): StatsResult<EntropyResult> {
	const shape = checkTable(matrix, 'matrix', 2);
	if (!shape.ok) return shape;
	const columns = Array.from({ length: shape.value }, (_, j) => ({ values: matrix.map((r) => r[j]), counts: matrix.map(() => 1) }));
	return entropyWeightsFromCounts(columns, normalisation);
}

/**
 * Entropy weights of items from their histograms in ItemStatistics (requires scales and the same
 * number of answers per item, i.e. complete rows, since entropy compares columns of one table).
 */
export function entropyWeightsFromStatistics(stats: ItemStatistics, normalisation: EntropyNormalisation = 'none'): StatsResult<EntropyResult> {
	if (!stats.histograms || !stats.scales) return fail('stats.histogramsMissing');
	const { scales } = stats;
	const columns = stats.histograms.map((counts, j) => ({ values: counts.map((_, v) => scales[j].lo + v), counts }));
	return entropyWeightsFromCounts(columns, normalisation);
}
