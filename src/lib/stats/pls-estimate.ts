/**
 * The moment-based PLS core shared by the full fit and each bootstrap resample: from the items'
 * covariance matrix to sign-fixed outer weights, loadings, construct correlations and paths.
 *
 * Internal to the engine: these functions throw StatsFailure on numerical trouble; the public
 * entry points in pls.ts and pls-bootstrap.ts turn that into fail(...).
 */
import { toCorrelation } from './linalg-pls';
import { pathRegressions, type PathRegression } from './pls-inner';
import type { PlsModel } from './pls-spec';
import {
	constructCovariance,
	itemConstructCovariance,
	iterateOuterWeights,
	type WeightSettings
} from './pls-weights';

export interface PlsSettings extends WeightSettings {
	/** true: standardise items (weights for z-scores); false: centre only (weights for raw items). */
	scaled: boolean;
}

export interface PlsEstimate {
	/** Weight per model item, scaled so every construct has (population) variance 1. */
	weights: number[];
	/** Correlation of every model item with every construct (items × constructs). */
	crossLoadings: number[][];
	/** Correlations between constructs. */
	constructCorrelation: number[][];
	regressions: PathRegression[];
	iterations: number;
}

/**
 * Σ of the treated items (what plspm's X'X/n is): the correlation matrix when scaled, else the
 * population covariance (n − 1)/n · S.
 */
export function treatedCovariance(cov: number[][], n: number, scaled: boolean): number[][] {
	return scaled ? toCorrelation(cov) : cov.map((row) => row.map((v) => (v * (n - 1)) / n));
}

/**
 * Flips blocks whose loadings are mostly negative (ties: by the sign of their sum), so each
 * construct points the way most of its items do. plspm flips only the scores on a tie or
 * majority; we flip weights too, so weights, loadings and scores stay consistent.
 */
function fixSigns(weights: number[], itemCov: number[][], model: PlsModel): number[] {
	const fixed = [...weights];
	for (const [j, block] of model.blocks.entries()) {
		const balance = block.reduce((s, i) => s + Math.sign(itemCov[i][j]), 0);
		const sum = block.reduce((s, i) => s + itemCov[i][j], 0);
		if (balance < 0 || (balance === 0 && sum < 0)) for (const i of block) fixed[i] = -fixed[i];
	}
	return fixed;
}

/** Runs the PLS algorithm on Σ (treated covariance) for n respondents; throws StatsFailure on trouble. */
export function estimatePls(
	sigma: number[][],
	model: PlsModel,
	settings: PlsSettings,
	n: number,
	start?: number[]
): PlsEstimate {
	const { weights: unsigned, iterations } = iterateOuterWeights(sigma, model, settings, start);
	const weights = fixSigns(unsigned, itemConstructCovariance(sigma, unsigned, model), model);
	const itemCov = itemConstructCovariance(sigma, weights, model);
	const constructCorrelation = constructCovariance(itemCov, weights, model);
	// Constructs have unit variance, so an item–construct correlation is cov / sd(item).
	const crossLoadings = itemCov.map((row, i) => row.map((c) => c / Math.sqrt(sigma[i][i])));
	const regressions = pathRegressions(constructCorrelation, model, n);
	return { weights, crossLoadings, constructCorrelation, regressions, iterations };
}
