import { beforeEach, describe, expect, it } from 'vitest';
import { servqualFromStatistics, servqualIndex } from './servqual';
import { buildItemStatistics } from './sufficient';
import { expectFail, expectOk } from './test-util';

beforeEach(() => {
	expect.hasAssertions();
});

describe('SERVQUAL indices (methods.md direct-points oracle)', () => {
	it('points 20/30/15/15/20 with gaps −0.65 −1.10 −0.83 −0.70 −1.01 → weighted −0.8915, unweighted −0.858', () => {
		const r = expectOk(servqualIndex([-0.65, -1.1, -0.83, -0.7, -1.01], [20, 30, 15, 15, 20]));
		expect(r.weighted).toBeCloseTo(-0.8915, 4);
		expect(r.unweighted).toBeCloseTo(-0.858, 3);
	});
	it('fails on mismatched points', () => {
		expectFail(servqualIndex([-1, -2], [50]), 'stats.lengthMismatch');
	});
});

describe('SERVQUAL from statistics', () => {
	// columns: P1, E1, P2, E2 (dimension A: item 1; dimension B: item 2)
	const rows = [[5, 6, 4, 7], [4, 7, null, 6], [6, 6, 5, 5], [3, null, 4, 6]];
	const stats = expectOk(buildItemStatistics(rows, 4));
	const items = [{ dimension: 'A', perception: 0, expectation: 1 }, { dimension: 'B', perception: 2, expectation: 3 }];
	it('takes each gap over the respondents answering both P and E', () => {
		const r = expectOk(servqualFromStatistics(stats, items, { A: 40, B: 60 }));
		expect(r.items.map((i) => [i.gap, i.n])).toEqual([[(-1 - 3 + 0) / 3, 3], [(-3 + 0 - 2) / 3, 3]]);
		expect(r.unweighted).toBeCloseTo((-4 / 3 - 5 / 3) / 2, 12);
		expect(r.weighted).toBeCloseTo(0.4 * (-4 / 3) + 0.6 * (-5 / 3), 12);
		expect(r.servperf).toBeCloseTo((4.5 + 13 / 3) / 2, 12);
	});
	it('fails when a dimension has no points', () => {
		expect(expectFail(servqualFromStatistics(stats, items, { A: 100 }), 'stats.pointsMissing')).toEqual({ dimension: 'B' });
	});
});
