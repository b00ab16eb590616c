import { beforeEach, describe, expect, it } from 'vitest';
import reference from '../../../tests/fixtures/stats/pls-acsi-index.json';
import { oracleAvailable, plspmSettings, satisfactionData, satisfactionModel } from '../../../tests/fixtures/stats/pls-oracle';
import { constructIndex, latentVariableIndex } from './acsi-index';
import { fitPlsFromRows } from './pls';

beforeEach(() => expect.hasAssertions());

describe.skipIf(!oracleAvailable)('constructIndex on the satisfaction data (1..10)', () => {
	it('matches the R hand computation for SAT and LOY from plspm centroid weights', () => {
		const { itemNames, rows } = satisfactionData();
		const fit = fitPlsFromRows(rows, itemNames, satisfactionModel, { ...plspmSettings, scheme: 'centroid' });
		expect(fit.ok).toBe(true);
		if (!fit.ok) return;
		for (const construct of ['SAT', 'LOY'] as const) {
			const result = constructIndex(fit.value, construct, { lo: 1, hi: 10 });
			expect(result).toMatchObject({ ok: true, warnings: [] });
			if (!result.ok) continue;
			expect(result.value.method).toBe('pls');
			expect(result.value.index).toBeCloseTo(reference[construct].index, 6);
			result.value.weights.forEach((w, i) => expect(w).toBeCloseTo(reference[construct].normalisedWeights[i], 6));
		}
	});

	it('gives a standardised fit an index on 0–100 whose weights sum to 1', () => {
		const { itemNames, rows } = satisfactionData();
		const fit = fitPlsFromRows(rows, itemNames, satisfactionModel);
		if (!fit.ok) throw new Error(fit.error.code);
		const result = constructIndex(fit.value, 'SAT', { lo: 1, hi: 10 });
		if (!result.ok) throw new Error(result.error.code);
		expect(result.value.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
		expect(result.value.index).toBeGreaterThan(0);
		expect(result.value.index).toBeLessThan(100);
	});
});

describe('latentVariableIndex', () => {
	const input = { items: ['a', 'b'], weights: [0.6, 0.4], means: [4, 2], sds: [2, 1] };

	it('divides standardised weights by the sd, normalises, and rescales to 0–100', () => {
		// Raw weights 0.3 and 0.4 → 3/7, 4/7; weighted mean 20/7 on 1..5 → (20/7 − 1)/4 · 100.
		const result = latentVariableIndex(input, { lo: 1, hi: 5 });
		expect(result).toMatchObject({ ok: true, value: { method: 'pls' } });
		if (!result.ok) return;
		expect(result.value.index).toBeCloseTo(((20 / 7 - 1) / 4) * 100, 12);
	});

	it('falls back to equal weights with a warning naming each non-positive item', () => {
		const result = latentVariableIndex({ ...input, weights: [0.9, -0.1] }, { lo: 1, hi: 5 }, 'SAT');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.method).toBe('equal');
		expect(result.value.index).toBeCloseTo(((3 - 1) / 4) * 100, 12);
		expect(result.warnings).toEqual([{ code: 'stats.pls.nonPositiveWeight', params: { item: 'b', construct: 'SAT', weight: -0.1 } }]);
	});

	it('fails on an empty scale, a constant item or mismatched lengths', () => {
		expect(latentVariableIndex(input, { lo: 5, hi: 5 })).toMatchObject({ ok: false, error: { code: 'stats.pls.invalidScale' } });
		expect(latentVariableIndex({ ...input, sds: [2, 0] }, { lo: 1, hi: 5 })).toMatchObject({
			ok: false, error: { code: 'stats.pls.zeroVarianceItem', params: { item: 'b' } }
		});
		expect(latentVariableIndex({ ...input, means: [1] }, { lo: 1, hi: 5 })).toMatchObject({ ok: false, error: { code: 'stats.pls.invalidIndexInput' } });
	});
});
