import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildItemStatistics } from './sufficient';
import { completeCaseMoments, itemSummaries, pairwiseCorrelation, pairwiseMoments } from './sufficient-moments';
import { expectClose, expectOk } from './test-util';

beforeEach(() => {
	expect.hasAssertions();
});

interface PairwiseFixture {
	rows: (number | null)[][];
	mean: number[];
	covPairwise: number[][];
	corPairwise: number[][];
	covComplete: number[][];
	completeN: number;
}
const fixture: PairwiseFixture = JSON.parse(readFileSync('tests/fixtures/stats/pairwise-moments.json', 'utf8'));
const likert = Array.from({ length: 4 }, () => ({ lo: 1, hi: 5 }));

describe('pairwise statistics against R (tests/fixtures/stats/pairwise-moments.R)', () => {
	const stats = expectOk(buildItemStatistics(fixture.rows, 4, { scales: likert }));
	it('gives R\'s pairwise means and covariances', () => {
		const m = expectOk(pairwiseMoments(stats));
		expectClose(m.mean, fixture.mean, 1e-10);
		expectClose(m.cov, fixture.covPairwise, 1e-10);
	});
	it('gives R\'s pairwise correlations', () => {
		expectClose(expectOk(pairwiseCorrelation(stats)), fixture.corPairwise, 1e-10);
	});
	it('gives R\'s complete-case covariance', () => {
		const m = expectOk(completeCaseMoments(stats));
		expect(m.n).toBe(fixture.completeN);
		expectClose(m.cov, fixture.covComplete, 1e-10);
	});
	it('counts 9–10 as the top two boxes of a 0–10 item', () => {
		const s = expectOk(buildItemStatistics([[10], [9], [8], [0]], 1, { scales: [{ lo: 0, hi: 10 }] }));
		expect(itemSummaries(s)[0].topTwoBox).toBeCloseTo(50, 12);
	});
	it('summarises items with histograms and top-2-box on 0–100', () => {
		const [first] = itemSummaries(stats);
		const answered = fixture.rows.map((r) => r[0]).filter((v): v is number => v !== null);
		expect(first.n).toBe(answered.length);
		expect(first.missing).toBe(fixture.rows.length - answered.length);
		expect(first.histogram).toEqual([1, 2, 3, 4, 5].map((v) => answered.filter((a) => a === v).length));
		expect(first.topTwoBox).toBeCloseTo((answered.filter((a) => a >= 4).length / answered.length) * 100, 10);
	});
});

