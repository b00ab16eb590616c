/**
 * First and second moments of a set of items: what most of the engine needs, and what the
 * analysis store can keep per period and add up. `cov` is the sample covariance (divisor n − 1)
 * of the items, computed pairwise where answers are missing; `n` is the number of respondents
 * behind it (the smallest pairwise count when counts differ).
 */
export interface Moments {
	n: number;
	mean: number[];
	cov: number[][];
}
