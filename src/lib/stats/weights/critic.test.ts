import { beforeEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { buildItemStatistics, mergeItemStatistics } from '../sufficient';
import { expectClose, expectFail, expectOk } from '../test-util';
import { criticWeights, criticWeightsFromStatistics } from './critic';

beforeEach(() => {
	expect.hasAssertions();
});

const oracle = [[5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3], [600, 4, 3, 1, 2, 2], [800, 2, 4, 3, 3, 4]];

describe('CRITIC', () => {
	it('matches the methods.md oracle (.157 .249 .168 .121 .154 .151)', () => {
		expectClose(expectOk(criticWeights(oracle)).weights, [0.157, 0.249, 0.168, 0.121, 0.154, 0.151], 0.0005);
	});
	it('gives the same weights from merged statistics of two batches', () => {
		const random = mulberry32(5);
		const rows = Array.from({ length: 120 }, () => Array.from({ length: 4 }, (_, j) => Math.round(random() * (j + 2) * 10) / 10));
		const whole = expectOk(criticWeights(rows));
		const merged = expectOk(mergeItemStatistics(expectOk(buildItemStatistics(rows.slice(0, 50), 4)), expectOk(buildItemStatistics(rows.slice(50), 4))));
		expectClose(expectOk(criticWeightsFromStatistics(merged)).weights, whole.weights, 1e-9);
		expect(whole.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
		expect(whole.weights.every((w) => w >= 0)).toBe(true);
	});
	it('permuting columns permutes the weights', () => {
		const perm = [5, 3, 1, 0, 2, 4];
		const r = expectOk(criticWeights(oracle));
		const p = expectOk(criticWeights(oracle.map((row) => perm.map((j) => row[j]))));
		expectClose(p.weights, perm.map((j) => r.weights[j]), 1e-12);
	});
	it('names a constant column and refuses too few rows', () => {
		expect(expectFail(criticWeights([[1, 2], [2, 2], [3, 2]]), 'stats.zeroVariance')).toMatchObject({ item: 2 });
		expectFail(criticWeights([[1, 2], [2, 3]]), 'stats.tooFewRows');
	});
});
