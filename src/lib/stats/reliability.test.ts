import { beforeEach, describe, expect, it } from 'vitest';
import psych from '../../../tests/fixtures/stats/reliability-psych.json';
import { oracleAvailable, satisfactionData } from '../../../tests/fixtures/stats/pls-oracle';
import { rowMoments } from './linalg-pls';
import {
	averageVarianceExtracted,
	compositeReliability,
	cronbachAlpha,
	reliabilityFlags,
	RELIABILITY_THRESHOLDS
} from './reliability';

beforeEach(() => expect.hasAssertions());

function alphaOf(cov: number[][]) {
	const result = cronbachAlpha(cov);
	if (!result.ok) throw new Error(result.error.code);
	return result.value;
}

describe('cronbachAlpha', () => {
	it('reproduces the methods.md §4 covariance oracle (α and α if deleted)', () => {
		const a = alphaOf([[10, 6, 6, 6], [6, 11, 6, 6], [6, 6, 12, 6], [6, 6, 6, 13]]);
		expect(a.alpha).toBeCloseTo(0.8135593, 7);
		[0.75, 0.7605634, 0.7714286, 0.7826087].forEach((v, i) => expect(a.alphaIfDeleted[i]).toBeCloseTo(v, 7));
	});

	it('matches psych::alpha on R mtcars (cyl, gear, carb, hp): raw α 0.09463206 and the rest', () => {
		const { cov } = rowMoments(psych.mtcars.rows, [0, 1, 2, 3]);
		const a = alphaOf(cov);
		expect(a.alpha).toBeCloseTo(0.09463206, 8);
		expect(a.alpha).toBeCloseTo(psych.mtcars.psych.rawAlpha, 12);
		expect(a.alphaStandardised).toBeCloseTo(psych.mtcars.psych.stdAlpha, 12);
		a.alphaIfDeleted.forEach((v, i) => expect(v).toBeCloseTo(psych.mtcars.psych.alphaIfDeleted[i], 12));
		a.correctedItemTotal.forEach((v, i) => expect(v).toBeCloseTo(psych.mtcars.psych.correctedItemTotal[i], 12));
	});

	it.skipIf(!oracleAvailable)('matches psych::alpha on the satisfaction IMAG block', () => {
		const { rows } = satisfactionData();
		const a = alphaOf(rowMoments(rows, [0, 1, 2, 3, 4]).cov);
		const ref = psych.satisfactionImag;
		expect(a.alpha).toBeCloseTo(ref.rawAlpha, 12);
		expect(a.alphaStandardised).toBeCloseTo(ref.stdAlpha, 12);
		a.alphaIfDeleted.forEach((v, i) => expect(v).toBeCloseTo(ref.alphaIfDeleted[i], 12));
		a.correctedItemTotal.forEach((v, i) => expect(v).toBeCloseTo(ref.correctedItemTotal[i], 12));
	});

	it('gives no α if deleted for two items, and fails for one item or a constant item', () => {
		expect(alphaOf([[1, 0.5], [0.5, 1]]).alphaIfDeleted).toEqual([null, null]);
		expect(cronbachAlpha([[2]])).toMatchObject({ ok: false, error: { code: 'stats.reliability.tooFewItems' } });
		const constant = cronbachAlpha([[1, 0], [0, 0]]);
		expect(constant).toMatchObject({ ok: false, error: { code: 'stats.reliability.zeroVarianceItem', params: { item: 2 } } });
		expect(cronbachAlpha([[1, NaN], [NaN, 1]])).toMatchObject({ ok: false, error: { code: 'stats.reliability.invalidCovariance' } });
	});

	it('standardised α equals raw α of the correlation matrix', () => {
		const cov = [[4, 2, 1], [2, 9, 3], [1, 3, 16]];
		const corr = cov.map((r, i) => r.map((v, j) => v / Math.sqrt(cov[i][i] * cov[j][j])));
		expect(alphaOf(cov).alphaStandardised).toBeCloseTo(alphaOf(corr).alpha, 12);
	});
});

describe('composite reliability and AVE', () => {
	it('follow ρC = (Σλ)²/((Σλ)² + Σ(1 − λ²)) and AVE = Σλ²/k', () => {
		// λ = 0.6, 0.8: Σλ = 1.4, Σλ² = 1.0 → ρC = 1.96/(1.96 + 1) and AVE = 0.5.
		expect(compositeReliability([0.6, 0.8])).toBeCloseTo(1.96 / 2.96, 14);
		expect(averageVarianceExtracted([0.6, 0.8])).toBeCloseTo(0.5, 14);
		expect(compositeReliability([1, 1, 1])).toBe(1);
	});
});

describe('reliabilityFlags', () => {
	it('flags α < 0.7, ρC < 0.7, AVE < 0.5 and each loading < 0.4, and nothing above', () => {
		const weak = reliabilityFlags({
			construct: 'VAL', alpha: 0.65, compositeReliability: 0.69, ave: 0.45,
			loadings: [{ item: 'val1', loading: 0.39 }, { item: 'val2', loading: 0.8 }]
		});
		expect(weak.map((w) => w.code)).toEqual([
			'stats.reliability.lowAlpha', 'stats.reliability.lowCompositeReliability',
			'stats.reliability.lowAve', 'stats.reliability.lowLoading'
		]);
		expect(weak[3].params).toMatchObject({ item: 'val1', construct: 'VAL', threshold: RELIABILITY_THRESHOLDS.loading });
		const fine = reliabilityFlags({
			construct: 'SAT', alpha: 0.7, compositeReliability: 0.7, ave: 0.5, loadings: [{ item: 'sat1', loading: 0.4 }]
		});
		expect(fine).toEqual([]);
	});
});
