/**
 * Johnson's (2000) relative weights (methods.md §2): R_xx = VΛVᵀ, L = VΛ^½Vᵀ, β* = L⁻¹r_xy,
 * εⱼ = Σₖ Lⱼₖ² β*ₖ². The raw weights add up to R²; the normalised ones to 1.
 */
import { checkPositiveDefinite, multiply, spectralFunction, symmetricEigen } from '../matrix';
import { fail, ok, type StatsResult } from '../result';
import { checkDrivers, type DriverCorrelations } from './correlation';

export interface DerivedImportance {
	/** In [0, 1], Σ = 1. */
	weights: number[];
	/** Shares of R² per predictor, Σ = R². */
	raw: number[];
	/** Explained variance of the criterion, 0–1. */
	rSquared: number;
}

/** Fails when R² is zero, since shares of nothing cannot be normalised. */
export function normaliseByRSquared(raw: number[]): StatsResult<DerivedImportance> {
	const rSquared = raw.reduce((s, e) => s + e, 0);
	if (!(rSquared > 1e-12)) return fail('stats.zeroRSquared');
	return ok({ weights: raw.map((e) => e / rSquared), raw, rSquared });
}

/** Relative weights of predictors (Σ = 1) and their raw shares of R²; fails when predictors are collinear. */
export function relativeWeights(drivers: DriverCorrelations): StatsResult<DerivedImportance> {
	const checked = checkDrivers(drivers);
	if (!checked.ok) return checked;
	const eigen = checkPositiveDefinite(symmetricEigen(drivers.rxx), 'predictorCorrelations');
	if (!eigen.ok) return fail('stats.collinearPredictors', eigen.error.params);
	const lambda = spectralFunction(eigen.value, Math.sqrt);
	const beta = multiply(spectralFunction(eigen.value, (l) => 1 / Math.sqrt(l)), drivers.rxy);
	const raw = lambda.map((row) => row.reduce((s, l, k) => s + l * l * beta[k] * beta[k], 0));
	return normaliseByRSquared(raw);
}
