/**
 * Derived importance from correlations with an overall-satisfaction item (methods.md §2), and the
 * predictor/criterion correlations that every derived method (correlation, relative weights,
 * Shapley) starts from.
 */
import { checkSquare, correlationFromCovariance } from '../matrix';
import type { Moments } from '../moments';
import { fail, ok, type StatsResult } from '../result';
import { directWeights } from './direct';

/** Correlations among the predictors (rxx) and with the criterion (rxy). */
export interface DriverCorrelations {
	rxx: number[][];
	rxy: number[];
}

/** Checks hand-built drivers: square finite rxx matching a finite rxy. */
export function checkDrivers(drivers: DriverCorrelations): StatsResult<number> {
	const square = checkSquare(drivers.rxx, 'predictorCorrelations');
	if (!square.ok) return square;
	if (drivers.rxy.length !== square.value)
		return fail('stats.lengthMismatch', { name: 'criterionCorrelations', expected: square.value, actual: drivers.rxy.length });
	const bad = drivers.rxy.findIndex((r) => !Number.isFinite(r));
	return bad >= 0 ? fail('stats.notFinite', { name: 'criterionCorrelations', row: bad + 1, col: 1 }) : square;
}

/** Picks predictors (0-based) and criterion out of a full correlation matrix. */
export function driverCorrelations(corr: number[][], predictors: readonly number[], criterion: number): StatsResult<DriverCorrelations> {
	const square = checkSquare(corr, 'correlations');
	if (!square.ok) return square;
	const all = [...predictors, criterion];
	const bad = all.find((i) => !(Number.isInteger(i) && i >= 0 && i < square.value));
	if (bad !== undefined) return fail('stats.itemOutOfRange', { item: bad + 1, max: square.value });
	if (new Set(all).size !== all.length) return fail('stats.duplicateItem');
	if (predictors.length === 0) return fail('stats.emptyInput', { name: 'predictors' });
	return ok({ rxx: predictors.map((i) => predictors.map((j) => corr[i][j])), rxy: predictors.map((i) => corr[i][criterion]) });
}

/** The same from Moments (covariances); fails naming a zero-variance item. */
export function driverCorrelationsFromMoments(m: Moments, predictors: readonly number[], criterion: number): StatsResult<DriverCorrelations> {
	const corr = correlationFromCovariance(m.cov);
	if (!corr.ok) return corr;
	return driverCorrelations(corr.value, predictors, criterion);
}

export interface CorrelationWeights {
	/** In [0, 1], Σ = 1. */
	weights: number[];
	/** r with the criterion, before clipping, −1..1. */
	correlations: number[];
}

/** Correlation weights: r(child, overall) with negatives clipped to 0 (warned, naming them), normalised. */
export function correlationWeights(drivers: DriverCorrelations): StatsResult<CorrelationWeights> {
	const checked = checkDrivers(drivers);
	if (!checked.ok) return checked;
	const { rxy } = drivers;
	const negative = rxy.map((r, i) => (r < 0 ? i + 1 : 0)).filter((i) => i > 0);
	if (!rxy.some((r) => r > 0)) return fail('stats.noPositiveCorrelation');
	const weights = directWeights(rxy.map((r) => Math.max(0, r)));
	if (!weights.ok) return weights;
	const warnings = negative.length > 0 ? [{ code: 'stats.negativeCorrelationClipped' as const, params: { items: negative.join(', ') } }] : [];
	return ok({ weights: weights.value, correlations: [...rxy] }, warnings);
}
