/**
 * The PLS outer-weight iteration (Lohmöller's algorithm, Mode A) written on the items' covariance
 * matrix Σ instead of the data: outer estimate Y = XW, inner proxy Z = YE and the Mode A update
 * w_j = cov(X_j, Z_j) are all linear in Σ, so rollups and bootstrap resamples only need Σ.
 *
 * Internal to the engine: these functions throw StatsFailure on numerical trouble; the public
 * entry points in pls.ts and pls-bootstrap.ts turn that into fail(...).
 */
import { innerWeights, type InnerScheme } from './pls-inner';
import type { PlsModel } from './pls-spec';
import { StatsFailure } from './result';

/**
 * `maxChange` (default): stop when the largest change of any (normalised) weight < tolerance.
 * `plspm`: R plspm's rule — Σ(|w_old| − |w_new|)² < tolerance on the un-normalised Mode A
 * weights; use it (tolerance 1e-6, 100 iterations) to reproduce plspm's output digit for digit.
 */
export type StopRule = 'maxChange' | 'plspm';

export interface WeightSettings {
	scheme: InnerScheme;
	tolerance: number;
	maxIterations: number;
	stopRule: StopRule;
}

/**
 * Σ·W restricted to blocks: cov(item i, construct k) for every item and construct, with W the
 * block-diagonal weight matrix stored as one weight per item.
 */
export function itemConstructCovariance(sigma: number[][], weights: number[], model: PlsModel): number[][] {
	return sigma.map((row) =>
		model.blocks.map((block) => {
			let s = 0;
			for (const l of block) s += row[l] * weights[l];
			return s;
		})
	);
}

/** Covariances between constructs: entry [j][k] = Σ_{i ∈ block j} w_i · cov(item i, construct k). */
export function constructCovariance(itemCov: number[][], weights: number[], model: PlsModel): number[][] {
	return model.blocks.map((block) =>
		model.blocks.map((_, k) => block.reduce((s, i) => s + weights[i] * itemCov[i][k], 0))
	);
}

/** Scales each block's weights so its construct has variance 1 under Σ. */
export function normaliseWeights(sigma: number[][], weights: number[], model: PlsModel): number[] {
	const scaled = [...weights];
	for (const [j, block] of model.blocks.entries()) {
		let variance = 0;
		for (const i of block) for (const l of block) variance += weights[i] * sigma[i][l] * weights[l];
		if (!(variance > 0)) {
			throw new StatsFailure({ code: 'stats.pls.degenerateBlock', params: { construct: model.constructs[j] } });
		}
		const factor = 1 / Math.sqrt(variance);
		for (const i of block) scaled[i] = weights[i] * factor;
	}
	return scaled;
}

/** One Mode A update from normalised weights: w_i = Σ_k cov(item i, construct k) · E[k][block(i)]. */
function modeAUpdate(sigma: number[][], weights: number[], model: PlsModel, scheme: InnerScheme): number[] {
	const itemCov = itemConstructCovariance(sigma, weights, model);
	const lvCor = constructCovariance(itemCov, weights, model);
	const e = innerWeights(lvCor, model, scheme);
	return itemCov.map((row, i) => row.reduce((s, c, k) => s + c * e[k][model.blockOf[i]], 0));
}

function largestChange(a: number[], b: number[], squared: boolean): number {
	let sum = 0;
	let max = 0;
	for (let i = 0; i < a.length; i++) {
		// Absolute values, as in plspm: a block whose sign flips between steps is not "moving".
		const d = Math.abs(a[i]) - Math.abs(b[i]);
		sum += d * d;
		max = Math.max(max, Math.abs(d));
	}
	return squared ? sum : max;
}

/**
 * Iterates to the outer weights (normalised: unit-variance constructs under Σ). Starts from
 * `start` (warm start, e.g. full-sample weights in a bootstrap) or from unit weights.
 * Throws StatsFailure('stats.pls.notConverged') after maxIterations.
 */
export function iterateOuterWeights(
	sigma: number[][],
	model: PlsModel,
	settings: WeightSettings,
	start?: number[]
): { weights: number[]; iterations: number } {
	const plspmRule = settings.stopRule === 'plspm';
	let current = normaliseWeights(sigma, start ?? model.blockOf.map(() => 1), model);
	let previous = current;
	for (let iteration = 1; iteration <= settings.maxIterations; iteration++) {
		const raw = modeAUpdate(sigma, current, model, settings.scheme);
		const next = normaliseWeights(sigma, raw, model);
		// plspm compares successive un-normalised updates; our default compares normalised weights.
		const change = plspmRule ? largestChange(previous, raw, true) : largestChange(current, next, false);
		if (change < settings.tolerance) return { weights: next, iterations: iteration };
		previous = raw;
		current = next;
	}
	throw new StatsFailure({ code: 'stats.pls.notConverged', params: { iterations: settings.maxIterations } });
}
