import { beforeEach, describe, expect, it } from 'vitest';
import { checkSquare, checkTable, correlationFromCovariance, solveSymmetric, spectralFunction, symmetricEigen } from './matrix';
import { expectClose, expectFail, expectOk } from './test-util';

beforeEach(() => {
	expect.hasAssertions();
});

describe('matrix helpers', () => {
	it('turns a covariance into a correlation matrix', () => {
		expectClose(expectOk(correlationFromCovariance([[4, 2], [2, 9]])), [[1, 1 / 3], [1 / 3, 1]], 1e-15);
		expect(expectFail(correlationFromCovariance([[4, 0], [0, 0]]), 'stats.zeroVariance')).toEqual({ item: 2 });
	});
	it('sorts eigenvalues decreasingly and rebuilds the matrix from them', () => {
		const m = [[2, 1, 0], [1, 3, 1], [0, 1, 4]];
		const eigen = symmetricEigen(m);
		expect(eigen.values).toEqual([...eigen.values].sort((a, b) => b - a));
		expectClose(spectralFunction(eigen, (l) => l), m, 1e-12);
	});
	it('solves a positive-definite system and refuses a singular one', () => {
		expectClose(expectOk(solveSymmetric([[2, 1], [1, 3]], [3, 5], 'test')), [0.8, 1.4], 1e-12);
		expectFail(solveSymmetric([[1, 1], [1, 1]], [1, 1], 'test'), 'stats.singularMatrix');
	});
	it('checks shapes and finiteness, naming the row', () => {
		expect(expectFail(checkSquare([[1, 2], [3]], 'm'), 'stats.matrixShape')).toMatchObject({ row: 2 });
		expectFail(checkSquare([], 'm'), 'stats.emptyInput');
		expect(expectFail(checkTable([[1, 2], [3, Infinity]], 'm', 2), 'stats.notFinite')).toMatchObject({ row: 2, col: 2 });
		expect(expectOk(checkTable([[1, 2, 3], [4, 5, 6]], 'm', 2))).toBe(3);
	});
});
