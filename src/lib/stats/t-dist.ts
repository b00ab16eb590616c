/**
 * Student's t distribution to the 1e-9 the oracles ask for. jStat's t cdf loses accuracy for
 * large or fractional df (Welch's df, ~6e-9 at df 159) and its inverse is good to ~1e-8 only, so
 * the cdf comes from the regularised incomplete beta by Lentz's continued fraction and the
 * quantile from two Newton steps on that cdf.
 */
import jStat from 'jstat';

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_TERMS = 10_000;

/** Continued fraction of the incomplete beta (Numerical Recipes' betacf, modified Lentz). */
function betaFraction(x: number, a: number, b: number): number {
	let c = 1;
	let d = 1 - ((a + b) * x) / (a + 1);
	d = 1 / (Math.abs(d) < TINY ? TINY : d);
	let h = d;
	for (let m = 1; m <= MAX_TERMS; m++) {
		const m2 = 2 * m;
		for (const coefficient of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
			d = 1 + coefficient * d;
			d = 1 / (Math.abs(d) < TINY ? TINY : d);
			c = 1 + coefficient / c;
			if (Math.abs(c) < TINY) c = TINY;
			h *= d * c;
		}
		if (Math.abs(d * c - 1) < EPSILON) break;
	}
	return h;
}

/** Regularised incomplete beta I_x(a, b), x in [0, 1]. */
export function incompleteBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const logFront = a * Math.log(x) + b * Math.log1p(-x) - (jStat.gammaln(a) + jStat.gammaln(b) - jStat.gammaln(a + b));
	if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(x, a, b)) / a;
	return 1 - (Math.exp(logFront) * betaFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with df > 0 degrees of freedom. */
export function tCdf(t: number, df: number): number {
	const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
	return t < 0 ? tail : 1 - tail;
}

/** Two-sided p = P(|T| ≥ |t|), computed from the lower tail so small p keep their digits. */
export function tTwoSidedP(t: number, df: number): number {
	return Math.min(1, incompleteBeta(df / (df + t * t), df / 2, 0.5));
}

/** Quantile of Student's t for p in (0, 1). */
export function tQuantile(p: number, df: number): number {
	let x = jStat.studentt.inv(p, df);
	for (let step = 0; step < 3; step++) {
		const density = jStat.studentt.pdf(x, df);
		if (!(density > 0)) break;
		x -= (tCdf(x, df) - p) / density;
	}
	return x;
}
