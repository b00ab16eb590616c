import { beforeEach, describe, expect, it } from 'vitest';
import { simulatePlsData } from '../../../tests/fixtures/stats/pls-simulated';
import { rowMoments } from './linalg-pls';
import type { Moments } from './moments';
import { fitPlsFromMoments, fitPlsFromRows, type PlsFit, type PlsModelSpec, type PlsOptions } from './pls';
import { mulberry32 } from './random';

beforeEach(() => expect.hasAssertions());

const data = simulatePlsData(7, 200, 4, 3);
const all = data.itemNames.map((_, i) => i);

function momentsOf(rows: number[][]): Moments {
	return { n: rows.length, ...rowMoments(rows, all) };
}

function fitRows(rows: number[][], spec: PlsModelSpec = data.spec, options: PlsOptions = {}): PlsFit {
	const result = fitPlsFromRows(rows, data.itemNames, spec, options);
	if (!result.ok) throw new Error(result.error.code);
	return result.value;
}

function numbersIn(value: unknown): number[] {
	if (typeof value === 'number') return [value];
	if (Array.isArray(value)) return value.flatMap(numbersIn);
	if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
	return [];
}

describe('fitPlsFromMoments', () => {
	it.each(['path', 'centroid', 'factorial'] as const)('equals the run from raw rows (%s, both scalings)', (scheme) => {
		for (const scaled of [true, false]) {
			const fromRows = fitRows(data.rows, data.spec, { scheme, scaled });
			const fromMoments = fitPlsFromMoments(momentsOf(data.rows), data.itemNames, data.spec, { scheme, scaled });
			if (!fromMoments.ok) throw new Error(fromMoments.error.code);
			const { scores, ...rest } = fromRows;
			expect(scores).toHaveLength(200);
			expect(fromMoments.value.scores).toBeUndefined();
			numbersIn(fromMoments.value).forEach((v, i) => expect(v).toBeCloseTo(numbersIn(rest)[i], 10));
		}
	});

	it('defaults to the path scheme on standardised items and returns no NaN anywhere', () => {
		const fit = fitRows(data.rows);
		expect(fit.settings).toMatchObject({ scheme: 'path', scaled: true, tolerance: 1e-7, maxIterations: 300 });
		expect(numbersIn(fit).every(Number.isFinite)).toBe(true);
		// Standardised construct scores: mean 0 and population variance 1.
		const column = fit.scores!.map((s) => s[2]);
		expect(column.reduce((a, v) => a + v, 0) / 200).toBeCloseTo(0, 12);
		expect(column.reduce((a, v) => a + v * v, 0) / 200).toBeCloseTo(1, 12);
	});

	it('ignores items outside the model and accepts items given by index', () => {
		const spec: PlsModelSpec = {
			constructs: [{ name: 'X', items: [0, 1, 2] }, { name: 'Y', items: [3, 4, 5] }],
			paths: [['X', 'Y']]
		};
		const fit = fitPlsFromMoments(momentsOf(data.rows), data.itemNames, spec);
		expect(fit.ok && fit.value.items.map((it) => it.name)).toEqual(data.itemNames.slice(0, 6));
	});

	it('handles a one-item block: weight and loading 1 on standardised items, no α', () => {
		const spec: PlsModelSpec = {
			constructs: [{ name: 'X', items: [0, 1, 2] }, { name: 'Y', items: [3] }],
			paths: [['X', 'Y']]
		};
		const fit = fitRows(data.rows, spec);
		expect(fit.items[3].weight).toBeCloseTo(1, 12);
		expect(fit.items[3].loading).toBeCloseTo(1, 12);
		expect(fit.constructs[1]).toMatchObject({ alpha: null, dgRho: null, eigenvalues: [1, null] });
	});
});

describe('properties', () => {
	it('permuting items within a block permutes the weights', () => {
		const random = mulberry32(11);
		const block = [...(data.spec.constructs[1].items as string[])];
		for (let i = block.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[block[i], block[j]] = [block[j], block[i]];
		}
		const permuted: PlsModelSpec = { ...data.spec, constructs: data.spec.constructs.map((c, j) => (j === 1 ? { ...c, items: block } : c)) };
		const before = new Map(fitRows(data.rows).items.map((it) => [it.name, it.weight]));
		const after = fitRows(data.rows, permuted).items;
		expect(after.slice(3, 6).map((it) => it.name)).toEqual(block);
		after.forEach((it) => expect(it.weight).toBeCloseTo(before.get(it.name)!, 10));
	});

	it('a standardised run is invariant to rescaling an item (x → 7x + 3)', () => {
		const rescaled = data.rows.map((r) => r.map((v, i) => (i === 4 ? 7 * v + 3 : v)));
		const a = fitRows(data.rows);
		const b = fitRows(rescaled);
		a.items.forEach((it, i) => expect(b.items[i].weight).toBeCloseTo(it.weight, 10));
		a.paths.forEach((p, k) => expect(b.paths[k].estimate).toBeCloseTo(p.estimate, 10));
	});

	it('fixes signs so most loadings are positive even when most items are reverse-scored', () => {
		const reversed = data.rows.map((r) => r.map((v, i) => (i === 0 || i === 1 ? 10 - v : v)));
		const fit = fitRows(reversed);
		expect(fit.items.slice(0, 3).map((it) => Math.sign(it.loading))).toEqual([1, 1, -1]);
	});
});

describe('failures', () => {
	const moments = momentsOf(data.rows);

	it('a constant item', () => {
		const rows = data.rows.map((r) => r.map((v, i) => (i === 2 ? 4 : v)));
		expect(fitPlsFromRows(rows, data.itemNames, data.spec)).toMatchObject({
			ok: false, error: { code: 'stats.pls.zeroVarianceItem', params: { item: 'c1_3' } }
		});
	});

	it('too few respondents', () => {
		expect(fitPlsFromMoments({ ...moments, n: 3 }, data.itemNames, data.spec)).toMatchObject({
			ok: false, error: { code: 'stats.pls.tooFewRespondents', params: { n: 3, needed: 4 } }
		});
	});

	it('non-convergence, with the iteration count', () => {
		expect(fitPlsFromMoments(moments, data.itemNames, data.spec, { maxIterations: 2, tolerance: 1e-15 })).toMatchObject({
			ok: false, error: { code: 'stats.pls.notConverged', params: { iterations: 2 } }
		});
	});

	it('collinear predecessors (a singular construct correlation matrix)', () => {
		// C3 measured by exact copies of C2's items: both predict C4 and correlate perfectly.
		const rows = data.rows.map((r) => r.map((v, i) => (i >= 6 && i < 9 ? r[i - 3] : v)));
		const spec: PlsModelSpec = { ...data.spec, paths: [['C1', 'C2'], ['C2', 'C4'], ['C3', 'C4'], ['C1', 'C3']] };
		expect(fitPlsFromRows(rows, data.itemNames, spec)).toMatchObject({
			ok: false, error: { code: 'stats.pls.singularMatrix', params: { construct: 'C4' } }
		});
	});

	it('moments whose dimensions do not match the item names, or hold NaN', () => {
		expect(fitPlsFromMoments({ ...moments, mean: [1] }, data.itemNames, data.spec)).toMatchObject({
			ok: false, error: { code: 'stats.pls.invalidMoments', params: { reason: 'dimensions' } }
		});
		const cov = moments.cov.map((r, i) => r.map((v, j) => (i === 0 && j === 1 ? NaN : v)));
		expect(fitPlsFromMoments({ ...moments, cov }, data.itemNames, data.spec)).toMatchObject({
			ok: false, error: { code: 'stats.pls.invalidMoments' }
		});
	});

	it('missing answers in raw rows, and invalid options', () => {
		const rows = data.rows.map((r, k) => (k === 5 ? r.map((v, i) => (i === 0 ? NaN : v)) : r));
		expect(fitPlsFromRows(rows, data.itemNames, data.spec)).toMatchObject({ ok: false, error: { code: 'stats.pls.missingValues', params: { row: 6 } } });
		expect(fitPlsFromMoments(moments, data.itemNames, data.spec, { tolerance: 0 })).toMatchObject({
			ok: false, error: { code: 'stats.pls.invalidOption', params: { option: 'tolerance' } }
		});
	});

	it('a model without paths says there is no inner model', () => {
		expect(fitPlsFromMoments(moments, data.itemNames, { ...data.spec, paths: [] })).toMatchObject({
			ok: false, error: { code: 'stats.pls.noPaths' }
		});
	});
});
