import { beforeEach, describe, expect, it } from 'vitest';
import { itemScore, linearIndexCI, linearIndexSummary, nodeScore, respondentIndex, reverseCode } from './scores';
import { buildItemStatistics } from './sufficient';
import { completeCaseMoments } from './sufficient-moments';
import { mulberry32 } from './random';
import { expectFail, expectOk } from './test-util';
import { meanCI, summarise, welchChange } from './trend';

beforeEach(() => {
	expect.hasAssertions();
});

const likert = { lo: 1, hi: 5 };

describe('item and node scores (methods.md §1)', () => {
	it.each([
		[1, likert, 0],
		[5, likert, 100],
		[4, likert, 75],
		[7.5, { lo: 0, hi: 10 }, 75]
	])('mean %s on %o → %s (never x/hi × 100)', (mean, scale, expected) => {
		expect(expectOk(itemScore(mean, scale))).toBeCloseTo(expected, 12);
	});
	it('reverse-codes x → lo + hi − x', () => {
		expect([1, 2, 5].map((x) => reverseCode(x, likert))).toEqual([5, 4, 1]);
	});
	it('node score is the weighted mean with normalised weights', () => {
		expect(expectOk(nodeScore([60, 80], [1, 3]))).toBeCloseTo(75, 12);
		expectFail(nodeScore([60, 80], [1]), 'stats.lengthMismatch');
		expectFail(nodeScore([60, 80], [0, 0]), 'stats.zeroTotalWeight');
		expectFail(itemScore(6, likert), 'stats.meanOutOfScale');
		expectFail(itemScore(3, { lo: 5, hi: 1 }), 'stats.invalidScale');
	});
	it('respondent index skips missing answers instead of counting zero', () => {
		expect(respondentIndex([5, null, 3], [0.5, 0.25, 0.25], [likert, likert, likert])).toBeCloseTo((0.5 * 100 + 0.25 * 50) / 0.75, 12);
		expect(respondentIndex([null, null], [0.5, 0.5], [likert, likert])).toBeNull();
	});
});

describe('linear index CI from moments', () => {
	it('equals the t-CI of the respondents\' yᵣ (seeded data, mixed scales)', () => {
		const random = mulberry32(17);
		const scales = [likert, { lo: 0, hi: 10 }, likert];
		const rows = Array.from({ length: 80 }, () => [1 + Math.floor(random() * 5), Math.floor(random() * 11), 1 + Math.floor(random() * 5)]);
		const weights = [0.2, 0.5, 0.3];
		const moments = expectOk(completeCaseMoments(expectOk(buildItemStatistics(rows, 3, { scales }))));
		const y = rows.map((r) => respondentIndex(r, weights, scales) as number);
		const expected = expectOk(meanCI(expectOk(summarise(y))));
		const r = expectOk(linearIndexCI(moments, weights, scales));
		expect(r.mean).toBeCloseTo(expected.mean, 10);
		expect(r.se).toBeCloseTo(expected.se, 10);
		expect(r.lower).toBeCloseTo(expected.lower, 10);
	});

	it('feeds a Welch test between two periods from their stored statistics alone', () => {
		const random = mulberry32(23);
		const scales = [likert, likert];
		const weights = [0.6, 0.4];
		const period = (shift: number) => Array.from({ length: 50 }, () => [Math.min(5, 1 + shift + Math.floor(random() * 4)), 1 + Math.floor(random() * 5)]);
		const [before, after] = [period(0), period(1)];
		const fromStats = (rows: number[][]) => expectOk(linearIndexSummary(expectOk(completeCaseMoments(expectOk(buildItemStatistics(rows, 2, { scales })))), weights, scales));
		const fromRows = (rows: number[][]) => expectOk(summarise(rows.map((r) => respondentIndex(r, weights, scales))));
		const viaStats = expectOk(welchChange(fromStats(before), fromStats(after)));
		const viaRows = expectOk(welchChange(fromRows(before), fromRows(after)));
		expect(viaStats.t).toBeCloseTo(viaRows.t, 10);
		expect(viaStats.p).toBeCloseTo(viaRows.p, 10);
	});
});
