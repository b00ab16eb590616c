import { beforeEach, describe, expect, it } from 'vitest';
import { loyaltyIndex, npsFromHistogram, npsFromStatistics } from './nps';
import { buildItemStatistics } from './sufficient';
import { expectFail, expectOk } from './test-util';
import { meanCI, summarise } from './trend';

beforeEach(() => {
	expect.hasAssertions();
});

describe('NPS', () => {
	it('is %(9–10) − %(0–6) with SE 100·√((p₊ + p₋ − (p₊ − p₋)²)/n) (methods.md §5)', () => {
		// 50 promoters, 30 passives, 20 detractors out of 100.
		const counts = [2, 2, 2, 2, 2, 5, 5, 15, 15, 25, 25];
		const r = expectOk(npsFromHistogram(counts));
		expect(r.nps).toBeCloseTo(30, 12);
		expect([r.promoters, r.passives, r.detractors, r.n]).toEqual([50, 30, 20, 100]);
		expect(r.se).toBeCloseTo(100 * Math.sqrt((0.5 + 0.2 - 0.09) / 100), 12);
	});
	it('matches the SE of the mean of +100/0/−100 scores (population variance)', () => {
		const counts = [1, 0, 3, 0, 0, 4, 2, 6, 9, 7, 8];
		const scores = counts.flatMap((c, v) => new Array<number>(c).fill(v >= 9 ? 100 : v <= 6 ? -100 : 0));
		const s = expectOk(summarise(scores));
		const populationSd = s.sd * Math.sqrt((s.n - 1) / s.n);
		expect(expectOk(npsFromHistogram(counts)).se).toBeCloseTo(populationSd / Math.sqrt(s.n), 10);
	});
	it('is computed from statistics kept on a 0–10 scale', () => {
		const rows = [[10], [9], [7], [3], [null], [10]];
		const stats = expectOk(buildItemStatistics(rows, 1, { scales: [{ lo: 0, hi: 10 }] }));
		const r = npsFromStatistics(stats, 0);
		expect(expectOk(r).nps).toBeCloseTo(40, 12);
		expect(r.warnings.map((w) => w.code)).toEqual(['stats.smallSample']);
		expectFail(npsFromStatistics(expectOk(buildItemStatistics([[3]], 1, { scales: [{ lo: 1, hi: 5 }] })), 0), 'stats.npsScale');
		expectFail(npsFromHistogram(new Array<number>(11).fill(0)), 'stats.tooFewRespondents');
	});
});

describe('loyalty index', () => {
	it('equals the t-CI of the respondent index over complete rows', () => {
		const rows = [[5, 4, 3], [4, 4, 4], [3, 2, 5], [5, 5, 5], [2, 3, 1], [4, null, 2]];
		const scales = [{ lo: 1, hi: 5 }, { lo: 1, hi: 5 }, { lo: 1, hi: 5 }];
		const stats = expectOk(buildItemStatistics(rows, 3, { scales }));
		const y = rows.slice(0, 5).map((r) => ((r as number[]).reduce((s, x) => s + (x - 1) / 4, 0) / 3) * 100);
		const expected = expectOk(meanCI(expectOk(summarise(y))));
		const r = expectOk(loyaltyIndex(stats));
		expect(r.mean).toBeCloseTo(expected.mean, 10);
		expect(r.lower).toBeCloseTo(expected.lower, 10);
		expect(r.upper).toBeCloseTo(expected.upper, 10);
	});
});
