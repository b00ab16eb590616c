/**
 * Scores on 0–100 (methods.md §1): item scores, node scores as weighted means of their children,
 * the respondent-level index yᵣ and the CI of a linear index from moments.
 */
import type { Moments } from './moments';
import { fail, ok, type StatsResult } from './result';
import { meanCI, type MeanInterval, type SampleSummary } from './trend';
import { directWeights } from './weights/direct';

/** The answer range of an item, e.g. Likert 1..5 → {lo: 1, hi: 5}, 0–10 rating → {lo: 0, hi: 10}. */
export interface Scale {
	lo: number;
	hi: number;
}

/** Fails when a scale is not a finite range with lo < hi; `item` is 1-based. */
export function checkScale(scale: Scale, item: number): StatsResult<Scale> {
	if (!(Number.isFinite(scale.lo) && Number.isFinite(scale.hi) && scale.lo < scale.hi))
		return fail('stats.invalidScale', { item, lo: scale.lo, hi: scale.hi });
	return ok(scale);
}

/** Reverse coding x' = lo + hi − x (applied before anything else). */
export function reverseCode(x: number, scale: Scale): number {
	return scale.lo + scale.hi - x;
}

/** A value on the scale as 0–100: (x − lo)/(hi − lo) × 100 (never x/hi × 100). */
export function toPercentOfScale(x: number, scale: Scale): number {
	return ((x - scale.lo) / (scale.hi - scale.lo)) * 100;
}

/** Item score 0–100 from the item's mean on its scale; fails for an invalid scale or mean. */
export function itemScore(mean: number, scale: Scale): StatsResult<number> {
	const checked = checkScale(scale, 1);
	if (!checked.ok) return checked;
	if (!(mean >= scale.lo && mean <= scale.hi)) return fail('stats.meanOutOfScale', { mean, lo: scale.lo, hi: scale.hi });
	return ok(toPercentOfScale(mean, scale));
}

/** Node score 0–100: weighted mean of the children's 0–100 scores with weights normalised to Σ = 1. */
export function nodeScore(childScores: readonly number[], weights: readonly number[]): StatsResult<number> {
	if (childScores.length !== weights.length)
		return fail('stats.lengthMismatch', { name: 'weights', expected: childScores.length, actual: weights.length });
	const w = directWeights(weights);
	if (!w.ok) return w;
	const bad = childScores.findIndex((s) => !Number.isFinite(s));
	if (bad >= 0) return fail('stats.notFinite', { name: 'scores', row: bad + 1, col: 1 });
	return ok(childScores.reduce((s, x, i) => s + w.value[i] * x, 0));
}

/**
 * Respondent index yᵣ 0–100 = Σ w̃ᵢ (xᵣᵢ − lo)/(hi − lo) × 100 over answered items, the weights
 * renormalised over those items (missing answers never count as zero); null if none answered.
 * `weights` must already be valid (e.g. from a weight method) and `row` already reverse-coded.
 */
export function respondentIndex(row: ArrayLike<number | null>, weights: readonly number[], scales: readonly Scale[]): number | null {
	let total = 0;
	let weightSum = 0;
	for (let i = 0; i < weights.length; i++) {
		const x = row[i];
		if (x === null || Number.isNaN(x)) continue;
		total += weights[i] * toPercentOfScale(x, scales[i]);
		weightSum += weights[i];
	}
	return weightSum > 0 ? total / weightSum : null;
}

/**
 * Mean and SD (0–100) of the linear index yᵣ from complete-case moments: mean Σcᵢ(x̄ᵢ − loᵢ),
 * variance cᵀΣc with cᵢ = w̃ᵢ·100/(hiᵢ − loᵢ); feeds meanCI and welchChange between periods.
 */
export function linearIndexSummary(moments: Moments, weights: readonly number[], scales: readonly Scale[]): StatsResult<SampleSummary> {
	const k = moments.mean.length;
	if (weights.length !== k || scales.length !== k)
		return fail('stats.lengthMismatch', { name: 'weights', expected: k, actual: weights.length });
	for (let i = 0; i < k; i++) {
		const s = checkScale(scales[i], i + 1);
		if (!s.ok) return s;
	}
	const w = directWeights(weights);
	if (!w.ok) return w;
	const c = w.value.map((wi, i) => (wi * 100) / (scales[i].hi - scales[i].lo));
	const mean = c.reduce((s, ci, i) => s + ci * (moments.mean[i] - scales[i].lo), 0);
	let variance = 0;
	for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) variance += c[i] * moments.cov[i][j] * c[j];
	return ok({ n: moments.n, mean, sd: Math.sqrt(Math.max(0, variance)) });
}

/** t-CI (0–100) of the linear index; equals meanCI of the yᵣ of the complete cases. */
export function linearIndexCI(moments: Moments, weights: readonly number[], scales: readonly Scale[], level = 0.95): StatsResult<MeanInterval> {
	const summary = linearIndexSummary(moments, weights, scales);
	if (!summary.ok) return summary;
	return meanCI(summary.value, level);
}
