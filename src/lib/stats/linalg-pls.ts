/**
 * Small dense helpers for the PLS engine. Matrices here are tiny (items × items, constructs ×
 * constructs), so plain arrays beat wrapping each product in ml-matrix; decompositions (eigen,
 * inverse) go through ml-matrix.
 */
import { EigenvalueDecomposition, inverse } from 'ml-matrix';

/** Smallest eigenvalue a correlation matrix may have before we call it singular (collinear). */
export const SINGULARITY_EPS = 1e-10;

/** Sample means and covariance (divisor n − 1) of the given columns of complete rows. */
export function rowMoments(
	rows: readonly (readonly number[])[],
	columns: readonly number[]
): { mean: number[]; cov: number[][] } {
	const n = rows.length;
	const p = columns.length;
	const mean = columns.map((c) => rows.reduce((s, r) => s + r[c], 0) / n);
	const centred = rows.map((r) => columns.map((c, i) => r[c] - mean[i]));
	const cov = Array.from({ length: p }, () => new Array<number>(p).fill(0));
	for (const x of centred) {
		for (let i = 0; i < p; i++) {
			const xi = x[i];
			const row = cov[i];
			for (let j = i; j < p; j++) row[j] += xi * x[j];
		}
	}
	for (let i = 0; i < p; i++) {
		for (let j = i; j < p; j++) cov[j][i] = cov[i][j] = cov[i][j] / (n - 1);
	}
	return { mean, cov };
}

/** Correlation matrix of a covariance matrix (all variances must be > 0). */
export function toCorrelation(cov: readonly (readonly number[])[]): number[][] {
	const sd = cov.map((row, i) => Math.sqrt(row[i]));
	return cov.map((row, i) => row.map((v, j) => (i === j ? 1 : v / (sd[i] * sd[j]))));
}

/** Rows `rows` and columns `cols` of a matrix. */
export function submatrix(
	m: readonly (readonly number[])[],
	rows: readonly number[],
	cols: readonly number[] = rows
): number[][] {
	return rows.map((i) => cols.map((j) => m[i][j]));
}

/** Eigenvalues of a symmetric matrix, largest first. */
export function symmetricEigenvalues(m: readonly (readonly number[])[]): number[] {
	const evd = new EigenvalueDecomposition(m as number[][], { assumeSymmetric: true });
	return [...evd.realEigenvalues].sort((a, b) => b - a);
}

/** Leading eigenvector of a symmetric matrix (unit length, sign arbitrary). */
export function leadingEigenvector(m: readonly (readonly number[])[]): number[] {
	const evd = new EigenvalueDecomposition(m as number[][], { assumeSymmetric: true });
	const values = evd.realEigenvalues;
	const top = values.indexOf(Math.max(...values));
	return evd.eigenvectorMatrix.getColumn(top);
}

/**
 * Inverse of a correlation matrix, or null when it is (near) singular — i.e. its smallest
 * eigenvalue is below SINGULARITY_EPS, which for correlations means collinear variables.
 */
export function inverseOfCorrelation(r: readonly (readonly number[])[]): number[][] | null {
	if (r.length === 1) return r[0][0] > SINGULARITY_EPS ? [[1 / r[0][0]]] : null;
	const smallest = symmetricEigenvalues(r).at(-1) ?? 0;
	if (!(smallest > SINGULARITY_EPS)) return null;
	return inverse(r as number[][]).to2DArray();
}

/** Matrix–vector product. */
export function multiplyVector(m: readonly (readonly number[])[], v: readonly number[]): number[] {
	return m.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
}

/** Dot product. */
export function dot(a: readonly number[], b: readonly number[]): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i] * b[i];
	return s;
}

/** Arithmetic mean (NaN for an empty list; callers guard against that). */
export function meanOf(values: readonly number[]): number {
	return values.reduce((s, v) => s + v, 0) / values.length;
}
