import { beforeEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { buildItemStatistics } from '../sufficient';
import { expectClose, expectFail, expectOk } from '../test-util';
import { entropyWeights, entropyWeightsFromStatistics, type EntropyNormalisation } from './entropy';

beforeEach(() => {
	expect.hasAssertions();
});

const first = [[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]];
const second = [[3, 100, 10, 7], [2.5, 80, 8, 5], [1.8, 50, 20, 11], [2.2, 70, 12, 9]];

describe('entropy weights (methods.md oracles)', () => {
	it.each([
		['first matrix, raw', first, 'none', [0.463, 0.3992, 0.1378, 0.0]],
		['first matrix, min-max', first, 'minMax', [0.4694, 0.2066, 0.1755, 0.1484]],
		['second matrix, raw', second, 'none', [0.1146, 0.1981, 0.4185, 0.2689]]
	] as const)('%s', (_, matrix, normalisation, expected) => {
		const r = expectOk(entropyWeights(matrix.map((row) => [...row]), normalisation as EntropyNormalisation));
		expect(r.normalisation).toBe(normalisation);
		expectClose(r.weights, [...expected], 0.00005);
	});
});

describe('entropy from histograms', () => {
	it('gives the same numbers as the raw rows, with and without min-max', () => {
		const random = mulberry32(99);
		const rows = Array.from({ length: 500 }, () => Array.from({ length: 5 }, (_, j) => 1 + Math.floor(random() ** (j + 1) * 5)));
		const stats = expectOk(buildItemStatistics(rows, 5, { scales: Array.from({ length: 5 }, () => ({ lo: 1, hi: 5 })) }));
		for (const normalisation of ['none', 'minMax'] as const) {
			const raw = expectOk(entropyWeights(rows, normalisation));
			const hist = expectOk(entropyWeightsFromStatistics(stats, normalisation));
			expectClose(hist.weights, raw.weights, 1e-12);
			expect(raw.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
			expect(raw.weights.every((w) => w >= 0)).toBe(true);
		}
	});
	it('needs histograms', () => {
		expectFail(entropyWeightsFromStatistics(expectOk(buildItemStatistics([[1, 2]], 2))), 'stats.histogramsMissing');
	});
});

describe('entropy properties and failures', () => {
	it('permuting columns permutes the weights', () => {
		const perm = [2, 0, 3, 1];
		const r = expectOk(entropyWeights(second));
		const p = expectOk(entropyWeights(second.map((row) => perm.map((j) => row[j]))));
		expectClose(p.weights, perm.map((j) => r.weights[j]), 1e-12);
	});
	it('fails on negative raw values, constant columns under min-max, and all-constant tables', () => {
		expect(expectFail(entropyWeights([[1, -2], [3, 4]]), 'stats.negativeValue')).toMatchObject({ item: 2 });
		expect(expectFail(entropyWeights([[1, 5], [3, 5]], 'minMax'), 'stats.zeroVariance')).toMatchObject({ item: 2 });
		expectFail(entropyWeights([[1, 5], [1, 5]]), 'stats.entropyNoDivergence');
		expectFail(entropyWeights([[1, 5]]), 'stats.tooFewRows');
	});
});
