/**
 * Analytic hierarchy process (methods.md §2): priorities of a reciprocal pairwise-comparison
 * matrix by the principal eigenvector (default) or the geometric-mean (row) method, with λmax,
 * CI, CR and the judgments that contribute most to inconsistency, for the expert form to show.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { checkSquare } from '../matrix';
import { fail, ok, type StatsIssue, type StatsResult } from '../result';

export interface RandomIndexTable {
	/** Recorded in every result so a CR can be traced to its table. */
	name: string;
	/** values[n − 1] is the random index for an n×n matrix. */
	values: readonly number[];
}

/** Saaty's random indices for n = 1..11, as printed in Chinese textbooks (the default). */
export const SAATY_RANDOM_INDEX: RandomIndexTable = {
	name: 'saaty',
	values: [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51]
};

/** CR at or above this is reported with a warning. */
export const CR_THRESHOLD = 0.1;
/** A judgment aᵢⱼ is reciprocal when aᵢⱼ·aⱼᵢ is within this of 1 (allows 0.333 for 1/3). */
export const RECIPROCAL_TOLERANCE = 0.01;

export type AhpMethod = 'eigenvector' | 'geometricMean';

export interface AhpOptions {
	method?: AhpMethod;
	randomIndex?: RandomIndexTable;
}

/** One judgment above the diagonal compared with what the priorities imply. */
export interface JudgmentDeviation {
	/** 0-based row and column of the judgment aᵢⱼ (i < j). */
	row: number;
	col: number;
	judgment: number;
	/** wᵢ/wⱼ: the judgment that would be perfectly consistent. */
	implied: number;
	/** aᵢⱼ·wⱼ/wᵢ: 1 when consistent, > 1 when i was over-rated against j. */
	ratio: number;
}

export interface AhpResult {
	/** Priorities in [0, 1], Σ = 1. */
	weights: number[];
	lambdaMax: number;
	/** Consistency index (λmax − n)/(n − 1); 0 for n ≤ 2. */
	ci: number;
	/** Consistency ratio CI/RI; 0 for n ≤ 2. */
	cr: number;
	randomIndex: number;
	randomIndexTable: string;
	method: AhpMethod;
	/** All judgments above the diagonal, the most inconsistent (largest |ln ratio|) first. */
	deviations: JudgmentDeviation[];
}

/** Checks shape, positivity, unit diagonal and reciprocity, naming the offending cell (1-based). */
export function checkReciprocal(a: number[][], name = 'judgments'): StatsResult<number> {
	const square = checkSquare(a, name);
	if (!square.ok) return square;
	const n = square.value;
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < n; j++) {
			if (!(a[i][j] > 0)) return fail('stats.ahpNonPositive', { name, row: i + 1, col: j + 1, value: a[i][j] });
		}
		if (Math.abs(a[i][i] - 1) > RECIPROCAL_TOLERANCE) return fail('stats.ahpDiagonal', { name, row: i + 1, value: a[i][i] });
		for (let j = i + 1; j < n; j++) {
			if (Math.abs(a[i][j] * a[j][i] - 1) > RECIPROCAL_TOLERANCE)
				return fail('stats.ahpNotReciprocal', { name, row: j + 1, col: i + 1, value: a[j][i], expected: 1 / a[i][j] });
		}
	}
	return ok(n);
}

/** Principal (Perron) eigenvector normalised to Σ = 1. */
function principalEigenvector(a: number[][]): number[] {
	const evd = new EigenvalueDecomposition(new Matrix(a));
	const values = evd.realEigenvalues;
	const top = values.reduce((best, v, i) => (v > values[best] ? i : best), 0);
	const v = evd.eigenvectorMatrix.getColumn(top);
	const total = v.reduce((s, x) => s + x, 0);
	return v.map((x) => x / total);
}

/** Normalised geometric means of the rows (the row method). */
export function rowGeometricMeans(a: number[][]): number[] {
	const g = a.map((row) => Math.exp(row.reduce((s, x) => s + Math.log(x), 0) / row.length));
	const total = g.reduce((s, x) => s + x, 0);
	return g.map((x) => x / total);
}

function deviations(a: number[][], w: number[]): JudgmentDeviation[] {
	const list: JudgmentDeviation[] = [];
	for (let i = 0; i < w.length; i++) {
		for (let j = i + 1; j < w.length; j++) list.push({ row: i, col: j, judgment: a[i][j], implied: w[i] / w[j], ratio: (a[i][j] * w[j]) / w[i] });
	}
	return list.sort((x, y) => Math.abs(Math.log(y.ratio)) - Math.abs(Math.log(x.ratio)));
}

/** Priorities of an already validated reciprocal matrix with λmax = mean of (Aw)ᵢ/wᵢ, CI and CR. */
export function ahpFromValidMatrix(a: number[][], options: AhpOptions = {}): StatsResult<AhpResult> {
	const { method = 'eigenvector', randomIndex = SAATY_RANDOM_INDEX } = options;
	const n = a.length;
	if (n > randomIndex.values.length) return fail('stats.ahpTooLarge', { n, max: randomIndex.values.length, table: randomIndex.name });
	const weights = method === 'eigenvector' ? principalEigenvector(a) : rowGeometricMeans(a);
	if (weights.some((w) => !(w > 0))) return fail('stats.notConverged', { method: 'ahp' });
	const lambdaMax = a.reduce((s, row, i) => s + row.reduce((t, x, j) => t + x * weights[j], 0) / weights[i], 0) / n;
	const ri = randomIndex.values[n - 1];
	// For n ≤ 2 every reciprocal matrix is consistent; round-off must not produce a tiny CR.
	const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
	const cr = n <= 2 || !(ri > 0) ? 0 : ci / ri;
	const warnings: StatsIssue[] = cr >= CR_THRESHOLD ? [{ code: 'stats.ahpInconsistent', params: { cr: Number(cr.toFixed(4)), threshold: CR_THRESHOLD } }] : [];
	const result = { weights, lambdaMax, ci, cr, randomIndex: ri, randomIndexTable: randomIndex.name, method, deviations: deviations(a, weights) };
	return ok(result, warnings);
}

/** AHP priorities (Σ = 1), λmax, CI and CR of a reciprocal matrix; fails naming any invalid cell. */
export function ahpWeights(matrix: number[][], options: AhpOptions = {}): StatsResult<AhpResult> {
	const checked = checkReciprocal(matrix);
	if (!checked.ok) return checked;
	return ahpFromValidMatrix(matrix, options);
}

/** Builds the full reciprocal matrix from judgments above the diagonal: upper[i][j − i − 1] = aᵢⱼ. */
export function reciprocalMatrix(upper: number[][]): number[][] {
	const n = upper.length + 1;
	const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
	upper.forEach((row, i) =>
		row.forEach((v, offset) => {
			a[i][i + offset + 1] = v;
			a[i + offset + 1][i] = 1 / v;
		})
	);
	return a;
}
