/**
 * Gaps between two brands rated by the same respondents (methods.md §9): paired t test with the
 * CI of the mean difference, McNemar's test for top-2-box shares, Holm's step-down adjustment.
 * Independent samples (a competitor's own customers) use `welchChange` from trend.ts.
 */
import jStat from 'jstat';
import { tQuantile, tTwoSidedP } from './t-dist';
import { fail, ok, type StatsResult } from './result';
import { MIN_RELIABLE_N, SIGNIFICANCE_LEVEL, type Interval, type SampleSummary } from './trend';

export interface PairedResult {
	/** Mean of (ours − theirs) over respondents who rated both, in the units of the ratings. */
	difference: number;
	/** Sample SD of the differences (divisor n − 1). */
	sd: number;
	/** Respondents who rated both. */
	n: number;
	t: number;
	df: number;
	/** Two-sided p in [0, 1]. */
	p: number;
	ci: Interval;
	significant: boolean;
}

/** Summary of the respondent-level differences (ours − theirs); pairs with a missing side are skipped. */
export function differenceSummary(ours: ArrayLike<number | null>, theirs: ArrayLike<number | null>): SampleSummary {
	let n = 0;
	let sum = 0;
	let sumSq = 0;
	for (let i = 0; i < ours.length; i++) {
		const a = ours[i];
		const b = theirs[i];
		if (a === null || b === null || Number.isNaN(a) || Number.isNaN(b)) continue;
		const d = a - b;
		n++;
		sum += d;
		sumSq += d * d;
	}
	const mean = n > 0 ? sum / n : NaN;
	const sd = n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))) : NaN;
	return { n, mean, sd };
}

/** Paired t test on the summary of the differences (two-sided), with the t CI of the mean difference. */
export function pairedTest(d: SampleSummary, level = 0.95): StatsResult<PairedResult> {
	if (!(d.n >= 2) || !Number.isFinite(d.mean)) return fail('stats.tooFewRespondents', { name: 'pairs', needed: 2, actual: d.n });
	if (!(level > 0 && level < 1)) return fail('stats.invalidLevel', { level });
	const se = d.sd / Math.sqrt(d.n);
	if (!(se > 0)) return fail('stats.noVariation', { name: 'pairs' });
	const df = d.n - 1;
	const t = d.mean / se;
	const p = tTwoSidedP(t, df);
	const q = tQuantile(1 - (1 - level) / 2, df);
	const warnings = d.n < MIN_RELIABLE_N ? [{ code: 'stats.smallSample' as const, params: { name: 'pairs', n: d.n, minimum: MIN_RELIABLE_N } }] : [];
	const ci = { lower: d.mean - q * se, upper: d.mean + q * se, level };
	return ok({ difference: d.mean, sd: d.sd, n: d.n, t, df, p, ci, significant: p < SIGNIFICANCE_LEVEL }, warnings);
}

/** Paired t test straight from two aligned rating vectors (null = not rated). */
export function pairedT(ours: ArrayLike<number | null>, theirs: ArrayLike<number | null>, level = 0.95): StatsResult<PairedResult> {
	return pairedTest(differenceSummary(ours, theirs), level);
}

export interface McNemarResult {
	/** Pairs where only ours is in the top-2 box. */
	b: number;
	/** Pairs where only theirs is in the top-2 box. */
	c: number;
	/** (b − c)² / (b + c), 1 df. */
	chiSquare: number;
	p: number;
	/** Edwards' continuity correction: (|b − c| − 1)² / (b + c), 1 df. */
	chiSquareCorrected: number;
	pCorrected: number;
	/** Two-sided exact binomial p (b ~ Bin(b + c, ½)), capped at 1. */
	pExact: number;
	/** The p the product shows: the exact binomial one, valid for few discordant pairs too. */
	pShown: number;
	significant: boolean;
}

/** McNemar's test on the discordant counts b and c; fails when there is no discordant pair. */
export function mcnemar(b: number, c: number): StatsResult<McNemarResult> {
	if (!(Number.isInteger(b) && Number.isInteger(c) && b >= 0 && c >= 0)) return fail('stats.notFinite', { name: 'McNemar', row: 1, col: 1 });
	const n = b + c;
	if (n === 0) return fail('stats.noVariation', { name: 'top-2-box' });
	const chiSquare = (b - c) ** 2 / n;
	const chiSquareCorrected = Math.max(0, Math.abs(b - c) - 1) ** 2 / n;
	const pExact = exactBinomialTwoSided(Math.min(b, c), n);
	return ok({
		b,
		c,
		chiSquare,
		p: chiSquareUpperTail1(chiSquare),
		chiSquareCorrected,
		pCorrected: chiSquareUpperTail1(chiSquareCorrected),
		pExact,
		pShown: pExact,
		significant: pExact < SIGNIFICANCE_LEVEL
	});
}

/** P(χ²₁ > x) = P(|Z| > √x), through the normal tail to keep precision for large x. */
function chiSquareUpperTail1(x: number): number {
	return 2 * jStat.normal.cdf(-Math.sqrt(x), 0, 1);
}

/** 2·P(X ≤ k) for X ~ Bin(n, ½) and k ≤ n/2, capped at 1; summed in log space so large n does not underflow early. */
function exactBinomialTwoSided(k: number, n: number): number {
	const logHalfN = n * Math.log(0.5);
	let sum = 0;
	for (let i = 0; i <= k; i++) sum += Math.exp(logChoose(n, i) + logHalfN);
	return Math.min(1, 2 * sum);
}

function logChoose(n: number, k: number): number {
	return jStat.gammaln(n + 1) - jStat.gammaln(k + 1) - jStat.gammaln(n - k + 1);
}

/** Holm's step-down adjusted p values, in the order given (each in [0, 1]; NaN stays NaN and is not counted). */
export function holm(pValues: readonly number[]): number[] {
	const order = pValues.map((p, i) => ({ p, i })).filter((e) => Number.isFinite(e.p)).sort((a, b) => a.p - b.p);
	const m = order.length;
	const adjusted = pValues.map(() => NaN);
	let running = 0;
	order.forEach((e, rank) => {
		running = Math.max(running, Math.min(1, (m - rank) * e.p));
		adjusted[e.i] = running;
	});
	return adjusted;
}
