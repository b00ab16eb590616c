import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { weightedLogOdds } from './log-odds';

interface OracleCase {
	words: string[];
	countsI: number[];
	countsJ: number[];
	alpha: number[];
	delta: number[];
	variance: number[];
	z: number[];
}
const oracle = JSON.parse(readFileSync('tests/fixtures/stats/log-odds.json', 'utf8')) as Record<'flat' | 'corpus', OracleCase>;

beforeEach(() => {
	expect.hasAssertions();
});

const counts = (words: string[], values: number[]) => new Map(words.map((w, i) => [w, values[i]]));

describe('weightedLogOdds', () => {
	it('matches the hand-computed table of methods.md §10 (flat prior α_w = 5)', () => {
		// By hand: n_i = 34, n_j = 27, α_0 = 25; slow: ln(17/42) − ln(7/45) = 0.956296.
		const words = ['slow', 'staff', 'price', 'friendly', 'queue'];
		const rows = weightedLogOdds(counts(words, [12, 3, 8, 1, 10]), counts(words, [2, 9, 4, 11, 1]), counts(words, [5, 5, 5, 5, 5]));
		expect(rows.map((r) => r.word)).toEqual(words);
		const delta = [0.956296, -0.853855, 0.300283, -1.367602, 0.960742];
		const z = [2.129415, -1.926557, 0.692489, -2.856828, 1.988926];
		rows.forEach((r, k) => {
			expect(r.delta).toBeCloseTo(delta[k], 6);
			expect(r.z).toBeCloseTo(z[k], 6);
		});
		expect(rows[0]).toMatchObject({ countI: 12, countJ: 2 });
		expect(rows[0].variance).toBeCloseTo(1 / 17 + 1 / 7, 12);
	});

	for (const name of ['flat', 'corpus'] as const) {
		it(`matches the numpy oracle (${name} prior)`, () => {
			const c = oracle[name];
			const rows = weightedLogOdds(counts(c.words, c.countsI), counts(c.words, c.countsJ), counts(c.words, c.alpha));
			rows.forEach((r, k) => {
				expect(r.delta).toBeCloseTo(c.delta[k], 9);
				expect(r.variance).toBeCloseTo(c.variance[k], 9);
				expect(r.z).toBeCloseTo(c.z[k], 9);
			});
		});
	}

	it('leaves out words without prior weight and counts the others only', () => {
		const rows = weightedLogOdds(new Map([['a', 3], ['b', 1], ['x', 50]]), new Map([['a', 1], ['b', 3]]), new Map([['a', 1], ['b', 1], ['x', 0]]));
		expect(rows.map((r) => r.word)).toEqual(['a', 'b']);
		// n_i = 4 (x is not a word of the prior), α_0 = 2: ln(4/2) − ln(2/4).
		expect(rows[0].delta).toBeCloseTo(Math.log(2) - Math.log(0.5), 12);
		expect(rows[1].delta).toBeCloseTo(-rows[0].delta, 12);
	});

	it('gives nothing for an empty prior', () => {
		expect(weightedLogOdds(new Map(), new Map(), new Map())).toEqual([]);
	});
});
