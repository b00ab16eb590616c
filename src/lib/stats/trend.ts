/**
 * Uncertainty of a mean index and change between periods (methods.md §8). Everything works on
 * summaries {n, mean, sd} so that stored period statistics suffice; only the bootstrap needs values.
 */
import jStat from 'jstat';
import { tQuantile, tTwoSidedP } from './t-dist';
import { mulberry32, randomIndex } from './random';
import { fail, ok, type StatsIssue, type StatsResult } from './result';

/** Below this many respondents a figure is shown greyed out (methods.md §8). */
export const MIN_RELIABLE_N = 30;
/** A change is marked significant below this two-sided p. */
export const SIGNIFICANCE_LEVEL = 0.05;

export interface SampleSummary {
	n: number;
	mean: number;
	/** Sample standard deviation (divisor n − 1). */
	sd: number;
}

export interface Interval {
	lower: number;
	upper: number;
	/** Confidence level in (0, 1), e.g. 0.95. */
	level: number;
}

export interface MeanInterval extends Interval {
	mean: number;
	n: number;
	/** Standard error s/√n. */
	se: number;
	/** The t quantile used, t(1 − (1 − level)/2, n − 1). */
	t: number;
}

export interface WelchResult {
	/** current − previous, in the units of the means. */
	difference: number;
	t: number;
	df: number;
	/** Two-sided p in [0, 1]. */
	p: number;
	ci: Interval;
	significant: boolean;
}

/** Issues shared by every summary-based test: too few respondents fails; few respondents warns. */
function checkSummary(s: SampleSummary, name: string): StatsResult<SampleSummary> {
	if (!(s.n >= 2) || !Number.isFinite(s.mean) || !(s.sd >= 0))
		return fail('stats.tooFewRespondents', { name, needed: 2, actual: s.n });
	const warnings: StatsIssue[] = s.n < MIN_RELIABLE_N ? [{ code: 'stats.smallSample', params: { name, n: s.n, minimum: MIN_RELIABLE_N } }] : [];
	return ok(s, warnings);
}

function checkLevel(level: number): StatsResult<number> {
	return level > 0 && level < 1 ? ok(level) : fail('stats.invalidLevel', { level });
}

/** n, mean and sample SD of the answered values (null and NaN skipped); fails when n < 2. */
export function summarise(values: ArrayLike<number | null>): StatsResult<SampleSummary> {
	let n = 0;
	let sum = 0;
	let sumSq = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v === null || Number.isNaN(v)) continue;
		n++;
		sum += v;
		sumSq += v * v;
	}
	if (n < 2) return fail('stats.tooFewRespondents', { name: 'values', needed: 2, actual: n });
	const mean = sum / n;
	return ok({ n, mean, sd: Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))) });
}

/** t-based CI of a mean: ȳ ± t(1−α/2, n−1)·s/√n, in the units of the mean. */
export function meanCI(s: SampleSummary, level = 0.95): StatsResult<MeanInterval> {
	const checked = checkSummary(s, 'sample');
	if (!checked.ok) return checked;
	const lv = checkLevel(level);
	if (!lv.ok) return lv;
	const se = s.sd / Math.sqrt(s.n);
	const t = tQuantile(1 - (1 - level) / 2, s.n - 1);
	return ok({ mean: s.mean, n: s.n, se, t, lower: s.mean - t * se, upper: s.mean + t * se, level }, checked.warnings);
}

export interface BootstrapOptions {
	seed: number;
	/** Number of resamples, default 1,000. */
	resamples?: number;
	level?: number;
}

export interface BootstrapInterval extends Interval {
	mean: number;
	n: number;
	resamples: number;
	seed: number;
}

/** Seeded percentile bootstrap CI of a mean (R quantile type 7 on the resampled means); values must all be finite. */
export function bootstrapMeanCI(values: ArrayLike<number>, options: BootstrapOptions): StatsResult<BootstrapInterval> {
	const { seed, resamples = 1000, level = 0.95 } = options;
	const summary = summarise(values);
	if (!summary.ok) return summary;
	if (summary.value.n !== values.length) return fail('stats.notFinite', { name: 'values' });
	const lv = checkLevel(level);
	if (!lv.ok) return lv;
	if (!(resamples >= 100)) return fail('stats.tooFewResamples', { needed: 100, actual: resamples });
	const random = mulberry32(seed);
	const n = values.length;
	const means = new Float64Array(resamples);
	for (let b = 0; b < resamples; b++) {
		let sum = 0;
		for (let i = 0; i < n; i++) sum += values[randomIndex(random, n)];
		means[b] = sum / n;
	}
	means.sort();
	const lower = quantile(means, (1 - level) / 2);
	const upper = quantile(means, 1 - (1 - level) / 2);
	const { mean, n: count } = summary.value;
	return ok({ mean, n: count, lower, upper, level, resamples, seed }, checkSummary(summary.value, 'sample').warnings);
}

/** Quantile of sorted values with linear interpolation (R type 7). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
	const h = (sorted.length - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, sorted.length - 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Welch t-test of current − previous (two-sided), with the CI of the difference. */
export function welchChange(previous: SampleSummary, current: SampleSummary, level = 0.95): StatsResult<WelchResult> {
	const a = checkSummary(previous, 'previous');
	if (!a.ok) return a;
	const b = checkSummary(current, 'current');
	if (!b.ok) return b;
	const lv = checkLevel(level);
	if (!lv.ok) return lv;
	const va = previous.sd ** 2 / previous.n;
	const vb = current.sd ** 2 / current.n;
	const se = Math.sqrt(va + vb);
	if (!(se > 0)) return fail('stats.noVariation', { name: 'periods' });
	const df = (va + vb) ** 2 / (va ** 2 / (previous.n - 1) + vb ** 2 / (current.n - 1));
	const difference = current.mean - previous.mean;
	const t = difference / se;
	const p = tTwoSidedP(t, df);
	const q = tQuantile(1 - (1 - level) / 2, df);
	const ci = { lower: difference - q * se, upper: difference + q * se, level };
	return ok({ difference, t, df, p, ci, significant: p < SIGNIFICANCE_LEVEL }, [...a.warnings, ...b.warnings]);
}

export interface NpsChange {
	/** current − previous, NPS points (−200..200). */
	difference: number;
	z: number;
	/** Two-sided p in [0, 1]. */
	p: number;
	significant: boolean;
}

/** z-test of an NPS change: z = ΔNPS/√(SE₁² + SE₂²), NPS and SE in points (−100..100). */
export function npsChange(previous: { nps: number; se: number }, current: { nps: number; se: number }): StatsResult<NpsChange> {
	const se = Math.sqrt(previous.se ** 2 + current.se ** 2);
	if (!(se > 0)) return fail('stats.noVariation', { name: 'NPS' });
	const difference = current.nps - previous.nps;
	const z = difference / se;
	const p = 2 * (1 - jStat.normal.cdf(Math.abs(z), 0, 1));
	return ok({ difference, z, p, significant: p < SIGNIFICANCE_LEVEL });
}
