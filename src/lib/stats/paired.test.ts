import { describe, expect, it } from 'vitest';
import oracle from '../../../tests/fixtures/stats/paired.json';
import { differenceSummary, holm, mcnemar, pairedT } from './paired';
import { expectClose, expectFail, expectOk } from './test-util';
import { summarise, welchChange } from './trend';

const TOL = 1e-9;

describe('paired t test against scipy (tests/fixtures/stats/paired.py)', () => {
	it.each(oracle.paired.map((c, i) => [i, c] as const))('case %i', (_, c) => {
		const r = expectOk(pairedT(c.us, c.them));
		expectClose([r.difference, r.sd, r.t, r.df, r.p, r.ci.lower, r.ci.upper], [c.difference, c.sd, c.t, c.df, c.p, c.lower, c.upper], TOL);
		expect(r.n).toBe(c.n);
	});

	it('matches the methods page oracle and marks it significant', () => {
		const r = expectOk(pairedT([6, 5, 7, 4, 6, 5, 6, 7, 3, 5, 6, 4], [5, 5, 6, 4, 4, 4, 5, 6, 4, 3, 5, 4]));
		expectClose([r.difference, r.sd, r.t, r.p, r.ci.lower, r.ci.upper], [0.75, 0.866025, 3, 0.01208, 0.199754, 1.300246], 1e-6);
		expect(r.significant).toBe(true);
	});

	it('keeps only respondents who rated both brands', () => {
		const d = differenceSummary([5, null, 4, 3, NaN], [4, 2, null, 1, 3]);
		expect(d.n).toBe(2);
		expect(d.mean).toBe(1.5);
	});

	it('fails with fewer than two pairs and with identical differences', () => {
		expectFail(pairedT([5, null], [4, 3]), 'stats.tooFewRespondents');
		expectFail(pairedT([5, 4, 3], [4, 3, 2]), 'stats.noVariation');
	});

	it('warns below 30 pairs', () => {
		const r = pairedT([6, 5, 7, 4], [5, 5, 6, 3]);
		expect(r.warnings.map((w) => w.code)).toEqual(['stats.smallSample']);
	});
});

describe('McNemar against scipy', () => {
	it.each(oracle.mcnemar.map((c) => [c.b, c.c, c] as const))('b = %i, c = %i', (b, cc, c) => {
		const r = expectOk(mcnemar(b, cc));
		expectClose([r.chiSquare, r.p, r.chiSquareCorrected, r.pCorrected, r.pExact], [c.chiSquare, c.p, c.chiSquareCorrected, c.pCorrected, c.pExact], TOL);
		expect(r.pShown).toBe(r.pExact);
	});

	it('fails without discordant pairs or with non-counts', () => {
		expectFail(mcnemar(0, 0), 'stats.noVariation');
		expectFail(mcnemar(2.5, 1), 'stats.notFinite');
	});
});

describe("Holm's adjustment against R's p.adjust", () => {
	it.each(oracle.holm.map((c, i) => [i, c] as const))('case %i', (_, c) => {
		expectClose(holm(c.p), c.adjusted, TOL);
	});

	it('leaves missing p values out of the count', () => {
		const adjusted = holm([0.01, NaN, 0.04]);
		expect(adjusted[1]).toBeNaN();
		expectClose([adjusted[0], adjusted[2]], [0.02, 0.04], TOL);
	});
});

describe('Welch for a competitor rated by a different sample, against scipy', () => {
	it.each(oracle.welch.map((c, i) => [i, c] as const))('case %i', (_, c) => {
		const r = expectOk(welchChange(expectOk(summarise(c.previous)), expectOk(summarise(c.current))));
		expectClose([r.difference, r.t, r.df, r.p, r.ci.lower, r.ci.upper], [c.difference, c.t, c.df, c.p, c.lower, c.upper], TOL);
	});
});
