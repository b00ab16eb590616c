import { beforeEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { expectClose, expectFail, expectOk } from '../test-util';
import { ahpWeights, reciprocalMatrix, rowGeometricMeans, SAATY_RANDOM_INDEX } from './ahp';

beforeEach(() => {
	expect.hasAssertions();
});

// Saaty's drinks example (methods.md §2): "a–b v" means a is v times as important as b.
const drinks = ['beer', 'coffee', 'milk', 'soda', 'tea', 'water', 'wine'];
const judgments: [string, string, number][] = [
	['coffee', 'wine', 9], ['coffee', 'tea', 5], ['coffee', 'beer', 2], ['coffee', 'soda', 1], ['coffee', 'milk', 1],
	['water', 'coffee', 2], ['water', 'wine', 9], ['water', 'tea', 9], ['water', 'beer', 3], ['water', 'soda', 2],
	['water', 'milk', 3], ['tea', 'wine', 3], ['beer', 'wine', 9], ['beer', 'tea', 3], ['beer', 'milk', 1],
	['soda', 'wine', 9], ['soda', 'tea', 4], ['soda', 'beer', 2], ['soda', 'milk', 2], ['milk', 'wine', 9], ['milk', 'tea', 3]
];
function drinksMatrix(): number[][] {
	const a = drinks.map(() => drinks.map(() => 1));
	for (const [x, y, v] of judgments) {
		a[drinks.indexOf(x)][drinks.indexOf(y)] = v;
		a[drinks.indexOf(y)][drinks.indexOf(x)] = 1 / v;
	}
	return a;
}

describe('AHP on Saaty\'s drinks matrix (methods.md oracle)', () => {
	it('gives the published weights, λmax 7.1766, CI 0.02944 and CR 0.0223 with Saaty\'s RI', () => {
		const r = expectOk(ahpWeights(drinksMatrix()));
		expectClose(r.weights, [0.1164, 0.1775, 0.1288, 0.1896, 0.0418, 0.3268, 0.0191], 0.00005);
		expect(r.lambdaMax).toBeCloseTo(7.1766, 4);
		expect(r.ci).toBeCloseTo(0.02944, 5);
		expect(r.cr).toBeCloseTo(0.0223, 4);
		expect([r.randomIndex, r.randomIndexTable, r.method]).toEqual([1.32, 'saaty', 'eigenvector']);
		expect(ahpWeights(drinksMatrix()).warnings).toEqual([]);
	});

	it('ranks the judgments by how far they are from the implied ratios', () => {
		const r = expectOk(ahpWeights(drinksMatrix()));
		expect(r.deviations).toHaveLength(21);
		const logs = r.deviations.map((d) => Math.abs(Math.log(d.ratio)));
		expect([...logs].sort((x, y) => y - x)).toEqual(logs);
		const top = r.deviations[0];
		expect(top.ratio).toBeCloseTo((top.judgment * r.weights[top.col]) / r.weights[top.row], 12);
	});

	it('offers the geometric-mean (row) method, close to the eigenvector for a near-consistent matrix', () => {
		const r = expectOk(ahpWeights(drinksMatrix(), { method: 'geometricMean' }));
		expect(r.method).toBe('geometricMean');
		expectClose(r.weights, [0.1164, 0.1775, 0.1288, 0.1896, 0.0418, 0.3268, 0.0191], 0.01);
	});
});

describe('AHP properties (seeded)', () => {
	const random = mulberry32(2026);
	const randomWeights = (n: number) => {
		const w = Array.from({ length: n }, () => 0.05 + random());
		const total = w.reduce((s, x) => s + x, 0);
		return w.map((x) => x / total);
	};
	it('a consistent matrix (aᵢⱼ = wᵢ/wⱼ) has CR 0 and returns w, by both methods', () => {
		for (let trial = 0; trial < 20; trial++) {
			const w = randomWeights(3 + (trial % 9));
			const a = w.map((wi) => w.map((wj) => wi / wj));
			for (const method of ['eigenvector', 'geometricMean'] as const) {
				const r = expectOk(ahpWeights(a, { method }));
				expectClose(r.weights, w, 1e-10);
				expect(r.cr).toBeLessThan(1e-10);
			}
		}
	});
	it('weights are positive, sum to 1, and permuting the items permutes the weights', () => {
		for (let trial = 0; trial < 20; trial++) {
			const n = 3 + (trial % 6);
			const upper = Array.from({ length: n - 1 }, (_, i) => Array.from({ length: n - 1 - i }, () => [1 / 9, 1 / 5, 1 / 3, 1, 3, 5, 9][Math.floor(random() * 7)]));
			const a = reciprocalMatrix(upper);
			const perm = Array.from({ length: n }, (_, i) => i).sort(() => random() - 0.5);
			const r = expectOk(ahpWeights(a));
			const p = expectOk(ahpWeights(perm.map((i) => perm.map((j) => a[i][j]))));
			expect(r.weights.every((w) => w > 0)).toBe(true);
			expect(r.weights.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
			expectClose(p.weights, perm.map((i) => r.weights[i]), 1e-9);
			expect(p.cr).toBeCloseTo(r.cr, 9);
		}
	});
	it('n ≤ 2 always has CR 0; the row method is the normalised row geometric mean', () => {
		expect(expectOk(ahpWeights([[1, 7], [1 / 7, 1]])).cr).toBe(0);
		expect(expectOk(ahpWeights([[1]])).weights).toEqual([1]);
		expectClose(rowGeometricMeans([[1, 4], [0.25, 1]]), [0.8, 0.2], 1e-12);
	});
});

describe('AHP failures', () => {
	it('warns when CR ≥ 0.10', () => {
		const r = ahpWeights([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]);
		expect(r.warnings.map((w) => w.code)).toEqual(['stats.ahpInconsistent']);
	});
	it.each([
		['a zero entry', [[1, 0, 2], [1, 1, 1], [0.5, 1, 1]], 'stats.ahpNonPositive', { row: 1, col: 2 }],
		['a negative entry', [[1, 2, 2], [0.5, 1, -1], [0.5, 1, 1]], 'stats.ahpNonPositive', { row: 2, col: 3 }],
		['a non-reciprocal pair', [[1, 3, 2], [0.5, 1, 1], [0.5, 1, 1]], 'stats.ahpNotReciprocal', { row: 2, col: 1 }],
		['a diagonal other than 1', [[2, 1], [1, 1]], 'stats.ahpDiagonal', { row: 1 }],
		['a ragged matrix', [[1, 2], [0.5]], 'stats.matrixShape', { row: 2 }],
		['NaN', [[1, NaN], [1, 1]], 'stats.notFinite', { row: 1, col: 2 }]
	])('names the cell for %s', (_, matrix, code, params) => {
		expect(expectFail(ahpWeights(matrix as number[][]), code)).toMatchObject(params);
	});
	it('fails beyond the random-index table', () => {
		const a = Array.from({ length: 12 }, () => new Array<number>(12).fill(1));
		expect(expectFail(ahpWeights(a), 'stats.ahpTooLarge')).toMatchObject({ n: 12, max: SAATY_RANDOM_INDEX.values.length });
	});
});
