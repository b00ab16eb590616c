import { beforeEach, describe, expect, it } from 'vitest';
import oracle from '../../../../tests/fixtures/stats/competitor-gaps.json';
import { expectClose } from '../test-util';
import { competitorSections, gapMatrix, type CompetitorInput, type Gap } from './competitors';
import type { AnalysisColumn } from './layout';
import type { Answers } from '../../survey/definition';

beforeEach(() => {
	expect.hasAssertions();
});

const codes = ['A1', 'A2', 'D1', 'D2'];
const columns: AnalysisColumn[] = codes.map((code) => ({ code, item: code, kind: 'likert', part: 'single', scale: { lo: 1, hi: 5 }, reversed: code === 'D2', indicator: code }));
const names = (code: string) => ({ zh: code, en: code });
const input: CompetitorInput = {
	competitors: [{ code: 'bank-b', name: { 'zh-CN': '乙银行', en: 'Bank B' } }],
	// JSON rows leave out a blank brand rating, which TypeScript reads as possibly undefined.
	answers: oracle.answers as Answers[],
	columns,
	csi: { columns: [0, 1, 2, 3], weights: [0.42, 0.28, 0.15, 0.15] },
	dimensions: [
		{ code: 'A', name: names('A'), columns: [0, 1], weights: [0.6, 0.4], importance: 0.7 },
		{ code: 'D', name: names('D'), columns: [2, 3], weights: [0.5, 0.5], importance: 0.3 }
	],
	items: codes.map((code, column) => ({ column, name: names(code) }))
};
const TOL = 1e-9;

function expectGap(gap: Gap | null, expected: { ours: number; theirs: number; difference: number; lower: number; upper: number; p: number; n: number }) {
	expect(gap).not.toBeNull();
	expectClose([gap!.ours, gap!.theirs, gap!.difference, gap!.lower!, gap!.upper!, gap!.p!], [expected.ours, expected.theirs, expected.difference, expected.lower, expected.upper, expected.p], TOL);
	expect(gap!.n).toBe(expected.n);
}

describe('competitor gaps against numpy/scipy (tests/fixtures/stats/competitor-gaps.py)', () => {
	const [brand] = competitorSections(input);

	it('scores the CSI for us and the brand with our weights, paired, and the relative index', () => {
		expectGap(brand.csi, oracle.nodes.csi);
		expectClose([brand.relative!.ratio, brand.relative!.shareHigher], [oracle.nodes.csi.ours / oracle.nodes.csi.theirs, oracle.nodes.csi.shareHigher], TOL);
		expect(brand.name).toEqual({ zh: '乙银行', en: 'Bank B' });
	});

	it('gives each dimension its paired gap, Holm-adjusted over the dimensions', () => {
		expectGap(brand.dimensions[0].gap, oracle.nodes.A);
		expectGap(brand.dimensions[1].gap, oracle.nodes.D);
		expectClose(brand.dimensions.map((d) => d.pHolm!), oracle.holm, TOL);
		expect(brand.dimensions.map((d) => d.significant)).toEqual(oracle.holm.map((p) => p < 0.05));
	});

	it('gives each item its gap and the exact McNemar test on top-2-box (reverse coding applied)', () => {
		for (const [i, code] of codes.entries()) {
			const expected = oracle.items[code as keyof typeof oracle.items];
			expectGap(brand.items[i].gap, expected);
			expect([brand.items[i].topTwo!.b, brand.items[i].topTwo!.c]).toEqual([expected.b, expected.c]);
			expectClose([brand.items[i].topTwo!.p], [expected.pTopTwo], TOL);
		}
	});

	it('has no gap for a brand nobody rated', () => {
		const [none] = competitorSections({ ...input, competitors: [{ code: 'bank-z', name: { en: 'Bank Z' } }] });
		expect([none.csi, none.relative, none.dimensions[0].gap, none.items[0].topTwo]).toEqual([null, null, null, null]);
		expect(none.name).toEqual({ zh: 'Bank Z', en: 'Bank Z' });
	});
});

describe('importance × competitive-gap matrix', () => {
	const gap = (difference: number) => ({ ours: 0, theirs: 0, difference, lower: null, upper: null, p: null, n: 10 });
	it('places each dimension by its weight against the mean weight and by the sign of its gap', () => {
		const dims = ['K', 'U', 'M', 'A', 'X'].map((code, i) => ({ code, name: names(code), columns: [], weights: [], importance: [0.3, 0.3, 0.1, 0.1, 0.2][i] }));
		const rows = [gap(4), gap(-6), gap(-1), gap(2)].map((g, i) => ({ code: dims[i].code, name: dims[i].name, gap: g }));
		const points = gapMatrix({ dimensions: dims }, [...rows, { code: 'X', name: names('X'), gap: null }]);
		expect(points.map((p) => [p.code, p.quadrant])).toEqual([
			['K', 'advantageToKeep'],
			['U', 'urgentGap'],
			['M', 'minorGap'],
			['A', 'minorAdvantage']
		]);
	});

	it('comes with every brand section, from the report method\'s weights', () => {
		const [brand] = competitorSections(input);
		expect(brand.matrix.map((p) => [p.code, p.importance, p.quadrant])).toEqual([
			['A', 0.7, 'advantageToKeep'],
			['D', 0.3, 'minorGap']
		]);
		// The cross-hair the chart draws is the mean weight the quadrants were placed by.
		expect(brand.matrixCrosshair).toBeCloseTo(0.5, 12);
	});
});

describe('gap trend by period', () => {
	const periods = input.answers.map((_, i) => (i % 3 === 0 ? '2025-Q2' : '2025-Q1'));
	const [brand] = competitorSections({ ...input, periods });
	const only = (period: string) => competitorSections({ ...input, answers: input.answers.filter((_, i) => periods[i] === period) })[0];

	it('tests each period on its own respondents: the oracle-tested gaps of that period\'s answers alone', () => {
		expect(brand.trend.map((p) => p.period)).toEqual(['2025-Q1', '2025-Q2']);
		for (const point of brand.trend) {
			const alone = only(point.period);
			expect(point.csi).toEqual(alone.csi);
			expect(point.dimensions).toEqual({ A: alone.dimensions[0].gap, D: alone.dimensions[1].gap });
		}
		expect(brand.trend[0].csi!.n + brand.trend[1].csi!.n).toBe(brand.csi!.n);
	});

	it('has no trend without periods', () => {
		expect(competitorSections(input)[0].trend).toEqual([]);
	});
});
