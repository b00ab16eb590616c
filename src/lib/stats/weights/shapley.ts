/**
 * Shapley value decomposition of R² (LMG, methods.md §2): each predictor's mean R² gain over all
 * orders of entry, computed from the R² of every subset (2^p subsets, so p ≤ 12).
 */
import { checkPositiveDefinite, solveSymmetric, subMatrix, symmetricEigen } from '../matrix';
import { fail, ok, type StatsResult } from '../result';
import { checkDrivers, type DriverCorrelations } from './correlation';
import { normaliseByRSquared, type DerivedImportance } from './relative-weights';

/** 2^12 = 4,096 subsets is still instant; beyond that the cost doubles with every predictor. */
export const MAX_SHAPLEY_PREDICTORS = 12;

/** R² of the subsets' regressions, indexed by bit mask. */
function subsetRSquared(drivers: DriverCorrelations): StatsResult<Float64Array> {
	const p = drivers.rxy.length;
	const r2 = new Float64Array(1 << p);
	for (let mask = 1; mask < r2.length; mask++) {
		const idx = Array.from({ length: p }, (_, i) => i).filter((i) => mask & (1 << i));
		const r = idx.map((i) => drivers.rxy[i]);
		const beta = solveSymmetric(subMatrix(drivers.rxx, idx), r, 'predictorCorrelations');
		if (!beta.ok) return beta;
		r2[mask] = beta.value.reduce((s, b, i) => s + b * r[i], 0);
	}
	return ok(r2);
}

/** Shapley/LMG importance (Σ = 1) and raw shares of R² for p ≤ 12 predictors; fails when collinear. */
export function shapleyWeights(drivers: DriverCorrelations): StatsResult<DerivedImportance> {
	const checked = checkDrivers(drivers);
	if (!checked.ok) return checked;
	const p = checked.value;
	if (p > MAX_SHAPLEY_PREDICTORS) return fail('stats.tooManyPredictors', { n: p, max: MAX_SHAPLEY_PREDICTORS });
	const full = checkPositiveDefinite(symmetricEigen(drivers.rxx), 'predictorCorrelations');
	if (!full.ok) return fail('stats.collinearPredictors', full.error.params);
	const r2 = subsetRSquared(drivers);
	if (!r2.ok) return fail('stats.collinearPredictors', r2.error.params);
	// Weight of a subset S (not containing j) = |S|!(p − |S| − 1)!/p!.
	const factorial = [1];
	for (let i = 1; i <= p; i++) factorial.push(factorial[i - 1] * i);
	const raw = new Array<number>(p).fill(0);
	for (let mask = 0; mask < r2.value.length; mask++) {
		const size = popCount(mask);
		const weight = (factorial[size] * factorial[p - size - 1]) / factorial[p];
		for (let j = 0; j < p; j++) if (!(mask & (1 << j))) raw[j] += weight * (r2.value[mask | (1 << j)] - r2.value[mask]);
	}
	return normaliseByRSquared(raw);
}

function popCount(mask: number): number {
	let count = 0;
	for (let m = mask; m; m &= m - 1) count++;
	return count;
}
