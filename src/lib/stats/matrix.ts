/**
 * Small linear-algebra helpers shared by the weight methods, wrapping ml-matrix. They return
 * StatsResult instead of throwing so that every caller can pass a failure straight on.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { fail, ok, type StatsResult } from './result';

/** Below this ratio of smallest to largest eigenvalue a correlation matrix is treated as singular. */
export const SINGULARITY_TOLERANCE = 1e-10;

export interface SymmetricEigen {
	/** Eigenvalues, largest first. */
	values: number[];
	/** vectors[j] is the unit eigenvector of values[j]. */
	vectors: number[][];
}

/** Checks that `m` is a finite n×n matrix; `name` goes into the message. */
export function checkSquare(m: number[][], name: string): StatsResult<number> {
	const n = m.length;
	if (n === 0) return fail('stats.emptyInput', { name });
	for (let i = 0; i < n; i++) {
		if (!Array.isArray(m[i]) || m[i].length !== n)
			return fail('stats.matrixShape', { name, row: i + 1, expected: n, actual: m[i]?.length ?? 0 });
		for (let j = 0; j < n; j++) {
			if (!Number.isFinite(m[i][j])) return fail('stats.notFinite', { name, row: i + 1, col: j + 1 });
		}
	}
	return ok(n);
}

/** Checks that `m` is a finite table with at least `minRows` rows of equal length (≥ 1 column). */
export function checkTable(m: number[][], name: string, minRows: number): StatsResult<number> {
	if (m.length < minRows) return fail('stats.tooFewRows', { name, needed: minRows, actual: m.length });
	const cols = m[0]?.length ?? 0;
	if (cols === 0) return fail('stats.emptyInput', { name });
	for (let i = 0; i < m.length; i++) {
		if (m[i].length !== cols) return fail('stats.matrixShape', { name, row: i + 1, expected: cols, actual: m[i].length });
		for (let j = 0; j < cols; j++) {
			if (!Number.isFinite(m[i][j])) return fail('stats.notFinite', { name, row: i + 1, col: j + 1 });
		}
	}
	return ok(cols);
}

/** Correlation matrix from a covariance matrix; fails naming the first item with zero variance. */
export function correlationFromCovariance(cov: number[][]): StatsResult<number[][]> {
	const sd = cov.map((row, i) => Math.sqrt(row[i]));
	const constant = sd.findIndex((s) => !(s > 0));
	if (constant >= 0) return fail('stats.zeroVariance', { item: constant + 1 });
	return ok(cov.map((row, i) => row.map((c, j) => (i === j ? 1 : c / (sd[i] * sd[j])))));
}

/** Eigen-decomposition of a symmetric matrix, eigenvalues in decreasing order. */
export function symmetricEigen(m: number[][]): SymmetricEigen {
	const evd = new EigenvalueDecomposition(new Matrix(m), { assumeSymmetric: true });
	const vectors = evd.eigenvectorMatrix.transpose().to2DArray();
	const order = evd.realEigenvalues.map((_, i) => i).sort((a, b) => evd.realEigenvalues[b] - evd.realEigenvalues[a]);
	return { values: order.map((i) => evd.realEigenvalues[i]), vectors: order.map((i) => vectors[i]) };
}

/** Fails with stats.singularMatrix when a symmetric matrix is (nearly) singular or not positive definite. */
export function checkPositiveDefinite(eigen: SymmetricEigen, name: string): StatsResult<SymmetricEigen> {
	const largest = eigen.values[0];
	const smallest = eigen.values[eigen.values.length - 1];
	if (!(largest > 0) || smallest / largest < SINGULARITY_TOLERANCE)
		return fail('stats.singularMatrix', { name, condition: largest > 0 ? smallest / largest : 0 });
	return ok(eigen);
}

/** Applies f to the eigenvalues: V·diag(f(λ))·Vᵀ (e.g. the square root or the inverse). */
export function spectralFunction(eigen: SymmetricEigen, f: (lambda: number) => number): number[][] {
	const n = eigen.values.length;
	const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	eigen.values.forEach((lambda, k) => {
		const v = eigen.vectors[k];
		const fl = f(lambda);
		for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i][j] += fl * v[i] * v[j];
	});
	return out;
}

/** Solves A x = b for a symmetric positive-definite A; fails when A is (nearly) singular. */
export function solveSymmetric(a: number[][], b: number[], name: string): StatsResult<number[]> {
	const checked = checkPositiveDefinite(symmetricEigen(a), name);
	if (!checked.ok) return checked;
	return ok(multiply(spectralFunction(checked.value, (l) => 1 / l), b));
}

/** Matrix–vector product. */
export function multiply(m: number[][], v: number[]): number[] {
	return m.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
}

/** The sub-matrix of rows and columns `idx`. */
export function subMatrix(m: number[][], idx: number[]): number[][] {
	return idx.map((i) => idx.map((j) => m[i][j]));
}
