import { beforeEach, describe, expect, it } from 'vitest';
import { weightedLogOdds } from '../log-odds';
import { ThemeCollector } from './themes';

beforeEach(() => {
	expect.hasAssertions();
});

const answer = (words: string[], phrases: string[] = []) => ({ words, phrases });

describe('ThemeCollector', () => {
	it('counts answers mentioning a term (once per answer), per group, most mentioned first', () => {
		const c = new ThemeCollector();
		c.add(answer(['slow', 'slow', 'queue'], ['slow queue']), 'detractor');
		c.add(answer(['slow', 'fees'], ['slow queue']), 'detractor');
		c.add(answer(['friendly', 'slow']), 'promoter');
		c.add(answer(['friendly']), 'passive');
		c.add(answer(['queue']), null);
		const t = c.finish(10);
		expect(t).toMatchObject({ answers: 5, detractors: 2, promoters: 1 });
		expect(t.words).toEqual([
			{ term: 'slow', count: 3, detractors: 2, promoters: 1 },
			{ term: 'friendly', count: 2, detractors: 0, promoters: 1 },
			{ term: 'queue', count: 2, detractors: 1, promoters: 0 },
			{ term: 'fees', count: 1, detractors: 1, promoters: 0 }
		]);
		expect(t.phrases).toEqual([{ term: 'slow queue', count: 2, detractors: 2, promoters: 0 }]);
	});

	it('ranks over-represented words by the log-odds with every answer as the prior', () => {
		const c = new ThemeCollector();
		c.add(answer(['slow', 'queue']), 'detractor');
		c.add(answer(['slow']), 'detractor');
		c.add(answer(['friendly', 'queue']), 'promoter');
		c.add(answer(['friendly', 'parking']), 'passive');
		const t = c.finish(10);
		const expected = weightedLogOdds(
			new Map([['slow', 2], ['queue', 1]]),
			new Map([['friendly', 1], ['queue', 1]]),
			new Map([['slow', 2], ['queue', 2], ['friendly', 2], ['parking', 1]])
		);
		const z = (w: string) => expected.find((r) => r.word === w)!.z;
		expect(t.detractorWords.map((r) => r.word)).toEqual(['slow']);
		expect(t.detractorWords[0].z).toBeCloseTo(z('slow'), 12);
		// 'parking' (a passive's word only) is in the prior but compared on neither side.
		expect(t.promoterWords.map((r) => r.word)).toEqual(['friendly', 'queue'].sort((a, b) => z(a) - z(b)));
		expect(expected.find((r) => r.word === 'parking')!.z).not.toBe(0);
	});

	it('compares nothing without answers from both groups, and is empty without answers', () => {
		const c = new ThemeCollector();
		c.add(answer(['slow']), 'detractor');
		expect(c.finish(10)).toMatchObject({ detractorWords: [], promoterWords: [] });
		expect(new ThemeCollector().finish(10)).toEqual({ answers: 0, detractors: 0, promoters: 0, words: [], phrases: [], detractorWords: [], promoterWords: [] });
	});
});
