/**
 * Group AHP (methods.md §2): aggregation of individual judgments (AIJ, element-wise geometric
 * mean, then the eigenvector) or of individual priorities (AIP, geometric mean, normalised).
 */
import { fail, ok, type StatsResult } from '../result';
import { ahpFromValidMatrix, ahpWeights, checkReciprocal, type AhpOptions, type AhpResult } from './ahp';
import { directWeights } from './direct';

export interface GroupAhpOptions extends AhpOptions {
	/** Relative say of each expert (any non-negative unit); equal by default. */
	expertWeights?: number[];
}

/** Validates the experts' matrices (same size, reciprocal) and their normalised weights. */
function checkGroup(matrices: number[][][], expertWeights?: number[]): StatsResult<number[]> {
	if (matrices.length === 0) return fail('stats.emptyInput', { name: 'experts' });
	for (let e = 0; e < matrices.length; e++) {
		const checked = checkReciprocal(matrices[e], `expert ${e + 1}`);
		if (!checked.ok) return checked;
		if (checked.value !== matrices[0].length)
			return fail('stats.matrixShape', { name: `expert ${e + 1}`, row: 1, expected: matrices[0].length, actual: checked.value });
	}
	const w = expertWeights ?? new Array<number>(matrices.length).fill(1);
	if (w.length !== matrices.length) return fail('stats.lengthMismatch', { name: 'expertWeights', expected: matrices.length, actual: w.length });
	return directWeights(w);
}

/** Element-wise (weighted) geometric mean of reciprocal matrices, itself reciprocal. */
function geometricMeanMatrix(matrices: number[][][], w: number[]): number[][] {
	return matrices[0].map((row, i) => row.map((_, j) => Math.exp(matrices.reduce((s, m, e) => s + w[e] * Math.log(m[i][j]), 0))));
}

/** AIJ: AHP of the element-wise geometric mean of the experts' matrices (returned as `aggregated`). */
export function groupAhpJudgments(matrices: number[][][], options: GroupAhpOptions = {}): StatsResult<AhpResult & { aggregated: number[][] }> {
	const w = checkGroup(matrices, options.expertWeights);
	if (!w.ok) return w;
	const aggregated = geometricMeanMatrix(matrices, w.value);
	const result = ahpFromValidMatrix(aggregated, options);
	if (!result.ok) return result;
	return ok({ ...result.value, aggregated }, result.warnings);
}

/** AIP: normalised (weighted) geometric mean of each expert's priorities, with every expert's result. */
export function groupAhpPriorities(matrices: number[][][], options: GroupAhpOptions = {}): StatsResult<{ weights: number[]; experts: AhpResult[] }> {
	const w = checkGroup(matrices, options.expertWeights);
	if (!w.ok) return w;
	const experts: AhpResult[] = [];
	const warnings = [];
	for (const m of matrices) {
		const r = ahpWeights(m, options);
		if (!r.ok) return r;
		experts.push(r.value);
		warnings.push(...r.warnings);
	}
	const g = experts[0].weights.map((_, i) => Math.exp(experts.reduce((s, r, e) => s + w.value[e] * Math.log(r.weights[i]), 0)));
	const total = g.reduce((s, x) => s + x, 0);
	return ok({ weights: g.map((x) => x / total), experts }, warnings);
}
