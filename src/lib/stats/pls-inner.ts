/**
 * The inner (structural) side of PLS: inner weighting schemes used while iterating, and the OLS
 * path estimates and effects computed from the construct correlation matrix at the end. Both
 * only need construct correlations, which is what lets PLS run from item moments alone.
 *
 * Internal to the engine: these functions throw StatsFailure on numerical trouble; the public
 * entry points in pls.ts and pls-bootstrap.ts turn that into fail(...).
 */
import jStat from 'jstat';
import { dot, inverseOfCorrelation, multiplyVector, submatrix } from './linalg-pls';
import type { PlsModel } from './pls-spec';
import { StatsFailure } from './result';

export type InnerScheme = 'path' | 'centroid' | 'factorial';

/** OLS regression of one endogenous construct on its predecessors (standardised scores). */
export interface PathRegression {
	to: number;
	from: number[];
	estimates: number[];
	standardErrors: number[];
	tValues: number[];
	/** Two-sided p-values of t with n − k − 1 degrees of freedom. */
	pValues: number[];
	r2: number;
	r2Adjusted: number;
}

/** Regression coefficients of construct j on `from`, or a failure naming j when collinear. */
function regress(lvCor: number[][], j: number, from: number[], model: PlsModel) {
	const inv = inverseOfCorrelation(submatrix(lvCor, from));
	if (inv === null) {
		throw new StatsFailure({ code: 'stats.pls.singularMatrix', params: { construct: model.constructs[j] } });
	}
	const xy = from.map((i) => lvCor[i][j]);
	return { inv, xy, beta: multiplyVector(inv, xy) };
}

/**
 * Inner weights E (constructs × constructs; column j builds construct j's inner proxy), as in
 * plspm: centroid = sign of the correlation, factorial = the correlation, path = regression
 * coefficients on predecessors and correlations with successors (Lohmöller; Tenenhaus et al. 2005).
 */
export function innerWeights(lvCor: number[][], model: PlsModel, scheme: InnerScheme): number[][] {
	const m = model.constructs.length;
	const e = Array.from({ length: m }, () => new Array<number>(m).fill(0));
	for (let j = 0; j < m; j++) {
		const neighbours = [...model.predecessors[j], ...model.successors[j]];
		if (scheme === 'path') {
			for (const k of model.successors[j]) e[k][j] = lvCor[k][j];
			const from = model.predecessors[j];
			if (from.length > 0) regress(lvCor, j, from, model).beta.forEach((b, i) => (e[from[i]][j] = b));
		} else {
			for (const k of neighbours) e[k][j] = scheme === 'centroid' ? Math.sign(lvCor[k][j]) : lvCor[k][j];
		}
	}
	return e;
}

/** Path regressions of every endogenous construct, with lm-style standard errors for n respondents. */
export function pathRegressions(lvCor: number[][], model: PlsModel, n: number): PathRegression[] {
	const regressions: PathRegression[] = [];
	for (const to of model.order) {
		const from = model.predecessors[to];
		if (from.length === 0) continue;
		const { inv, xy, beta } = regress(lvCor, to, from, model);
		const r2 = dot(beta, xy);
		const df = n - from.length - 1;
		// Scores have unit variance, so Var(b) = (1 − R²)/(n − k − 1) · R_xx⁻¹ (as lm gives).
		const standardErrors = from.map((_, i) => Math.sqrt(((1 - r2) / df) * inv[i][i]));
		const tValues = beta.map((b, i) => b / standardErrors[i]);
		const pValues = tValues.map((t) => 2 * jStat.studentt.cdf(-Math.abs(t), df));
		const r2Adjusted = 1 - ((1 - r2) * (n - 1)) / df;
		regressions.push({ to, from, estimates: beta, standardErrors, tValues, pValues, r2, r2Adjusted });
	}
	return regressions;
}

/** Direct, indirect and total effects between constructs: matrices indexed [from][to]. */
export function pathEffects(regressions: readonly PathRegression[], m: number) {
	const direct = Array.from({ length: m }, () => new Array<number>(m).fill(0));
	for (const r of regressions) r.from.forEach((i, k) => (direct[i][r.to] = r.estimates[k]));
	// The model is acyclic, so Σ Bᵏ stops after at most m − 1 powers.
	const total = direct.map((row) => [...row]);
	let power = direct;
	for (let step = 2; step < m; step++) {
		power = power.map((row) => direct[0].map((_, j) => row.reduce((s, v, k) => s + v * direct[k][j], 0)));
		power.forEach((row, i) => row.forEach((v, j) => (total[i][j] += v)));
	}
	const indirect = total.map((row, i) => row.map((v, j) => v - direct[i][j]));
	return { direct, indirect, total };
}
