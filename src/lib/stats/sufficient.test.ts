import { beforeEach, describe, expect, it } from 'vitest';
import { mulberry32 } from './random';
import { buildItemStatistics, ItemAccumulator, mergeItemStatistics, type ItemStatistics } from './sufficient';
import { completeCaseMoments, itemSummaries, pairwiseCorrelation, pairwiseMoments } from './sufficient-moments';
import { expectClose, expectFail, expectOk } from './test-util';

beforeEach(() => {
	expect.hasAssertions();
});

function randomRows(seed: number, n: number, k: number, missingShare: number): (number | null)[][] {
	const random = mulberry32(seed);
	return Array.from({ length: n }, () => Array.from({ length: k }, () => (random() < missingShare ? null : 1 + Math.floor(random() * 5))));
}

function numericParts(s: ItemStatistics): number[] {
	const p = s.pairwise;
	return [s.rows, ...p.n, ...p.sum, ...p.sumSq, ...p.cross, s.complete.n, ...s.complete.sum, ...s.complete.cross, ...(s.histograms ?? []).flat()];
}

describe('merge', () => {
	it('merging the statistics of two halves equals the statistics of the whole (random splits)', () => {
		for (const seed of [1, 2, 3, 4, 5]) {
			const rows = randomRows(seed, 300, 6, 0.15);
			const cut = 1 + (seed * 53) % 298;
			const opts = { scales: Array.from({ length: 6 }, () => ({ lo: 1, hi: 5 })), reversed: [false, true, false, false, true, false] };
			const whole = expectOk(buildItemStatistics(rows, 6, opts));
			const left = expectOk(buildItemStatistics(rows.slice(0, cut), 6, opts));
			const right = expectOk(buildItemStatistics(rows.slice(cut), 6, opts));
			const merged = expectOk(mergeItemStatistics(left, right));
			expectClose(numericParts(merged), numericParts(whole), 1e-9);
			expect([merged.min, merged.max]).toEqual([whole.min, whole.max]);
		}
	});
	it('refuses statistics with different items or coding', () => {
		const a = expectOk(buildItemStatistics([[1, 2]], 2));
		const b = expectOk(buildItemStatistics([[1, 2, 3]], 3));
		expectFail(mergeItemStatistics(a, b), 'stats.statisticsMismatch');
	});
});

describe('building', () => {
	it('reverse-codes before aggregating and treats null, undefined and NaN as missing', () => {
		const s = expectOk(buildItemStatistics([[1, 5], [2, null], [NaN, 4]], 2, { scales: [{ lo: 1, hi: 5 }, { lo: 1, hi: 5 }], reversed: [true, false] }));
		expect(itemSummaries(s).map((i) => [i.n, i.mean])).toEqual([[2, 4.5], [2, 4.5]]);
		expect(s.complete.n).toBe(1);
	});
	it('accepts Float64Array rows', () => {
		const s = expectOk(buildItemStatistics([Float64Array.of(1, 2), Float64Array.of(3, NaN)], 2));
		expect(s.pairwise.n).toEqual([2, 1, 1, 1]);
	});
	it('names the row and item of a value off the scale, and rows of the wrong length', () => {
		expect(expectFail(buildItemStatistics([[1, 2], [3, 6]], 2, { scales: [{ lo: 1, hi: 5 }, { lo: 1, hi: 5 }] }), 'stats.valueOutOfScale')).toMatchObject({ row: 2, item: 2, value: 6 });
		expect(expectFail(buildItemStatistics([[1, 2], [3]], 2), 'stats.rowLength')).toMatchObject({ row: 2, expected: 2, actual: 1 });
		expectFail(buildItemStatistics([[1, Infinity]], 2), 'stats.notFinite');
		expectFail(ItemAccumulator.create(2, { reversed: [true, false] }), 'stats.reverseNeedsScale');
	});
	it('fails instead of returning NaN when too few respondents answer a pair', () => {
		const s = expectOk(buildItemStatistics([[1, null], [2, 3]], 2));
		expect(expectFail(pairwiseMoments(s), 'stats.tooFewPairs')).toMatchObject({ item: 1, other: 2 });
		expectFail(completeCaseMoments(s), 'stats.tooFewRespondents');
		expectFail(pairwiseCorrelation(expectOk(buildItemStatistics([[1, 2], [1, 3], [1, 4]], 2))), 'stats.zeroVariance');
	});
	it('aggregates 200,000 × 30 rows in well under the time budget', () => {
		const random = mulberry32(11);
		const rows = Array.from({ length: 200_000 }, () => Float64Array.from({ length: 30 }, () => (random() < 0.02 ? NaN : 1 + Math.floor(random() * 5))));
		const started = performance.now();
		const s = expectOk(buildItemStatistics(rows, 30, { scales: Array.from({ length: 30 }, () => ({ lo: 1, hi: 5 })) }));
		const elapsed = performance.now() - started;
		expect(s.rows).toBe(200_000);
		expect(elapsed).toBeLessThan(3000);
	});
});
