/**
 * A CI of a mean that never leaves its scale. The t interval ȳ ± t·s/√n (methods.md §8) is kept
 * whenever it lies inside [lo, hi]; when it would cross a bound (small n, or a mean near 0 or
 * 100) the interval is computed on the logit scale and mapped back:
 * p = (ȳ − lo)/(hi − lo), se_p = s/(√n·(hi − lo)), logit(p) ± t(0.975, n−1)·se_p/(p(1 − p)).
 */
import { fail, ok, type StatsResult } from './result';
import { meanCI, type SampleSummary } from './trend';

export interface BoundedInterval {
	lower: number;
	upper: number;
	/** 't' = the plain t interval; 'logit-t' = the logit-transformed t interval. */
	method: 't' | 'logit-t';
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** 95 % (or `level`) CI of a mean on [lo, hi] (default 0–100), inside the bounds; fails when n < 2. */
export function boundedMeanCI(s: SampleSummary, bounds = { lo: 0, hi: 100 }, level = 0.95): StatsResult<BoundedInterval> {
	const ci = meanCI(s, level);
	if (!ci.ok) return ci;
	const { lower, upper, t, se } = ci.value;
	if (lower >= bounds.lo && upper <= bounds.hi) return ok({ lower, upper, method: 't' }, ci.warnings);
	const range = bounds.hi - bounds.lo;
	if (!(range > 0)) return fail('stats.invalidScale', { item: 'index', lo: bounds.lo, hi: bounds.hi });
	const p = (s.mean - bounds.lo) / range;
	// A mean on a bound with a spread cannot happen for values inside the scale; all-equal answers
	// at a bound give a zero-width interval there.
	if (p <= 0 || p >= 1) return ok({ lower: s.mean, upper: s.mean, method: 'logit-t' }, ci.warnings);
	const half = (t * se) / range / (p * (1 - p));
	const map = (x: number) => bounds.lo + range * expit(x);
	return ok({ lower: map(logit(p) - half), upper: map(logit(p) + half), method: 'logit-t' }, ci.warnings);
}
