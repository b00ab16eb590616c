import { beforeEach, describe, expect, it } from 'vitest';
import {
	oracleAvailable,
	readOracle,
	relDiff,
	satisfactionData,
	satisfactionModel
} from '../../../tests/fixtures/stats/pls-oracle';
import { constructIndex } from './acsi-index';
import { analyseModel, modelItems, type AnalysisOptions, type ModelAnalysis } from './model-analysis';
import { parseAnalysisModel, type AnalysisModel } from './model-analysis-spec';
import { fitPlsFromRows, type PlsFit } from './pls';
import { expectFail, expectOk } from './test-util';
import { correlationWeights, driverCorrelations, relativeWeights, shapleyWeights } from './weights';

beforeEach(() => expect.hasAssertions());

// satisfaction.csv has answers 0–10 although its README says 1..10.
const SCALE = { lo: 0, hi: 10 };
const DRIVERS = ['IMAG', 'EXPE', 'QUAL', 'VAL'];

function model(overrides: Partial<Record<string, unknown>> = {}): AnalysisModel {
	const input = { scale: { min: 0, max: 10 }, constructs: satisfactionModel.constructs, paths: satisfactionModel.paths, target: 'SAT', ...overrides };
	return expectOk(parseAnalysisModel(input));
}

function analyse(m: AnalysisModel, rows: (number | null)[][], options: AnalysisOptions = {}): ModelAnalysis {
	return expectOk(analyseModel(m, rows, options));
}

function engineFit(options: { scheme?: 'centroid'; scaled?: boolean } = {}): PlsFit {
	const { itemNames, rows } = satisfactionData();
	return expectOk(fitPlsFromRows(rows, itemNames, satisfactionModel, options));
}

const byName = <T extends { name: string }>(list: T[], name: string) => list.find((x) => x.name === name) as T;

describe.skipIf(!oracleAvailable)('analyseModel on the satisfaction oracle data', () => {
	const { rows } = oracleAvailable ? satisfactionData() : { rows: [] };

	it('reads columns in construct order, as the data file lists them', () => {
		expect(modelItems(model())).toEqual(satisfactionData().itemNames);
	});

	describe('with paths (defaults: path scheme, standardised items)', () => {
		const a = oracleAvailable ? analyse(model(), rows) : (null as unknown as ModelAnalysis);
		const fit = oracleAvailable ? engineFit() : (null as unknown as PlsFit);

		it('reports the paths, R², reliability and loadings of the engine’s own PLS fit', () => {
			expect(a.pls).toMatchObject({ scheme: 'path', scaled: true });
			expect(a.paths.map((p) => [p.from, p.to])).toEqual(fit.paths.map((p) => [p.from, p.to]));
			a.paths.forEach((p, k) => expect(p.coefficient).toBeCloseTo(fit.paths[k].estimate, 10));
			for (const [j, c] of fit.constructs.entries()) {
				const mine = a.constructs[j];
				expect([mine.name, mine.n]).toEqual([c.name, 250]);
				expect(mine.rSquared ?? 0).toBeCloseTo(c.r2 ?? 0, 12);
				expect(mine.alpha).toBeCloseTo(c.alpha!, 12);
				expect(mine.alphaStandardized).toBeCloseTo(c.alphaStandardised!, 12);
				expect(mine.rhoC).toBeCloseTo(c.compositeReliability, 10);
				expect(mine.ave).toBeCloseTo(c.ave, 10);
			}
			const imag1 = fit.items[0];
			expect(a.constructs[0].loadings.imag1).toBeCloseTo(imag1.loading, 10);
			expect(a.constructs[0].outerWeights.imag1).toBeCloseTo(imag1.weight, 10);
		});

		it('gives each construct the engine’s ACSI-style index with PLS weights', () => {
			for (const c of a.constructs) {
				const expected = expectOk(constructIndex(fit, c.name, SCALE));
				expect(c.indexMethod).toBe('pls');
				expect(c.index).toBeCloseTo(expected.index, 10);
				expect(c.index).toBeGreaterThan(0);
				expect(c.index).toBeLessThan(100);
			}
		});

		it('weighs the antecedents of SAT (not its outcome LOY) by every method, as the weight functions do', () => {
			const w = a.weights!;
			expect([w.target, w.basis, w.drivers]).toEqual(['SAT', 'pls', DRIVERS]);
			const r = expectOk(driverCorrelations(fit.constructCorrelation, [0, 1, 2, 3], 4));
			const expected = {
				equal: [0.25, 0.25, 0.25, 0.25],
				correlation: expectOk(correlationWeights(r)).weights,
				relativeWeights: expectOk(relativeWeights(r)).weights,
				shapley: expectOk(shapleyWeights(r)).weights
			};
			for (const [method, weights] of Object.entries(expected)) {
				DRIVERS.forEach((d, i) => expect(w.byMethod[method as keyof typeof expected]![d], `${method} ${d}`).toBeCloseTo(weights[i], 10));
			}
			const totals = DRIVERS.map((d) => fit.effects.find((e) => e.from === d && e.to === 'SAT')!.total);
			const sum = totals.reduce((s, t) => s + t, 0);
			DRIVERS.forEach((d, i) => expect(w.byMethod.plsTotalEffects![d]).toBeCloseTo(totals[i] / sum, 10));
		});
	});

	describe('with the reference run’s settings (centroid, scaled = FALSE)', () => {
		const a = oracleAvailable ? analyse(model(), rows, { scheme: 'centroid', scaled: false }) : (null as unknown as ModelAnalysis);

		it('matches plspm’s regression of SAT (to the 1e-4 its earlier stop allows)', () => {
			for (const row of readOracle('satisfaction.inner-model.csv')) {
				const path = a.paths.find((p) => p.to === 'SAT' && p.from === row[''])!;
				expect(relDiff(path.coefficient, Number(row.Estimate)), String(row[''])).toBeLessThan(1e-4);
			}
			const r2 = Number(readOracle('satisfaction.inner-summary.csv').find((r) => r[''] === 'SAT')!.r_squared);
			expect(relDiff(byName(a.constructs, 'SAT').rSquared!, r2)).toBeLessThan(1e-4);
		});

		it('weighs SAT’s drivers by plspm’s total effects', () => {
			const totals = DRIVERS.map((d) => Number(readOracle('satisfaction.effects.csv').find((e) => e.from === d && e.to === 'SAT')!.total));
			const sum = totals.reduce((s, t) => s + t, 0);
			DRIVERS.forEach((d, i) => expect(relDiff(a.weights!.byMethod.plsTotalEffects![d], totals[i] / sum), d).toBeLessThan(1e-4));
		});
	});

	describe('without paths', () => {
		const a = oracleAvailable ? analyse(model({ paths: [] }), rows) : (null as unknown as ModelAnalysis);

		it('scores constructs by item means: index = mean item score, loadings = item–mean correlations', () => {
			const imag = rows.map((r) => r.slice(0, 5) as number[]);
			const composite = imag.map((r) => r.reduce((s, x) => s + x, 0) / 5);
			const meanOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
			const corr = (x: number[], y: number[]) => {
				const [mx, my] = [meanOf(x), meanOf(y)];
				const sxy = x.reduce((s, xi, i) => s + (xi - mx) * (y[i] - my), 0);
				return sxy / Math.sqrt(x.reduce((s, xi) => s + (xi - mx) ** 2, 0) * y.reduce((s, yi) => s + (yi - my) ** 2, 0));
			};
			const c = a.constructs[0];
			expect([a.pls, c.indexMethod, c.rSquared, a.paths]).toEqual([null, 'equal', null, []]);
			expect(c.index).toBeCloseTo(meanOf(composite) * 10, 10);
			expect(c.loadings.imag4).toBeCloseTo(corr(imag.map((r) => r[3]), composite), 10);
		});

		it('reports the α values of the oracle README and unidim table for IMAG', () => {
			expect(a.constructs[0].alpha).toBeCloseTo(0.821855, 6);
			expect(a.constructs[0].alphaStandardized).toBeCloseTo(0.830227, 6);
		});

		it('weighs every other construct for the target, without PLS total effects', () => {
			expect(a.weights!.basis).toBe('itemMean');
			expect(a.weights!.drivers).toEqual([...DRIVERS, 'LOY']);
			expect(Object.keys(a.weights!.byMethod)).toEqual(['equal', 'correlation', 'relativeWeights', 'shapley']);
			const total = Object.values(a.weights!.byMethod.shapley!).reduce((s, w) => s + w, 0);
			expect(total).toBeCloseTo(1, 12);
		});
	});

	it('recodes reversed items first: a reversed column declared reversed changes nothing', () => {
		const flipped = rows.map((r) => r.map((x, i) => (i === 12 ? 10 - x : x)));
		const spec = model();
		spec.constructs[2].reversed = ['qual3'];
		const original = analyse(model(), rows);
		expect(analyse(spec, flipped)).toEqual(original);
	});

	it('uses every answer when some are missing, and says the bootstrap used complete rows only', () => {
		const gappy = rows.map((r, i) => r.map((x, j) => (i % 25 === 0 && j === 20 ? null : x)));
		const result = analyseModel(model(), gappy, { bootstrap: { resamples: 50, seed: 3 } });
		const a = expectOk(result);
		expect([a.completeRows, a.bootstrap?.rows, byName(a.constructs, 'SAT').n, byName(a.constructs, 'IMAG').n]).toEqual([240, 240, 240, 250]);
		expect(result.warnings).toContainEqual({ code: 'stats.analyze.bootstrapCompleteRows', params: { n: 240, rows: 250 } });
	});

	it('adds reproducible bootstrap intervals around every path', () => {
		const options = { bootstrap: { resamples: 100, seed: 7 } };
		const a = analyse(model(), rows, options);
		expect(a.bootstrap).toMatchObject({ resamples: 100, seed: 7, level: 0.95, failed: 0 });
		for (const p of a.paths) expect(p.ci!.lower).toBeLessThan(p.ci!.upper);
		expect(analyse(model(), rows, options).paths).toEqual(a.paths);
	});

	it('warns that an exogenous target has no drivers', () => {
		const result = analyseModel(model({ target: 'IMAG' }), rows);
		expect(expectOk(result).weights).toBeNull();
		expect(result.warnings).toContainEqual({ code: 'stats.analyze.noDrivers', params: { construct: 'IMAG' } });
	});

	it('names the item of an answer off the scale and of a constant item', () => {
		const off = rows.map((r, i) => (i === 3 ? r.map((x, j) => (j === 6 ? 11 : x)) : r));
		expect(expectFail(analyseModel(model(), off), 'stats.valueOutOfScale')).toMatchObject({ row: 4, item: 'expe2', value: 11 });
		const constant = rows.map((r) => r.map((x, j) => (j === 0 ? 5 : x)));
		expect(expectFail(analyseModel(model(), constant), 'stats.zeroVariance')).toEqual({ item: 'imag1' });
	});
});

describe('analyseModel and parseAnalysisModel failures', () => {
	const small = { scale: { min: 1, max: 5 }, constructs: [{ name: 'A', items: ['a1', 'a2'] }] };

	it('needs at least three rows', () => {
		const m = expectOk(parseAnalysisModel(small));
		expect(expectFail(analyseModel(m, [[1, 2], [2, 3]]), 'stats.analyze.tooFewRows')).toEqual({ n: 2, needed: 3 });
	});

	it.each([
		[{ ...small, scale: { min: 1 } }, 'stats.analyze.invalidModel', { field: 'scale.max' }],
		[{ ...small, constructs: [{ name: 'A', items: [] }] }, 'stats.analyze.invalidModel', { field: 'constructs.0.items' }],
		[{ ...small, paths: [['A']] }, 'stats.analyze.invalidModel', { field: 'paths.0.1' }],
		[{ ...small, scale: { min: 5, max: 1 } }, 'stats.pls.invalidScale', { lo: 5, hi: 1 }],
		[{ ...small, constructs: [{ name: 'A', items: ['a1'], reversed: ['b1'] }] }, 'stats.analyze.reversedNotInConstruct', { item: 'b1' }],
		[{ ...small, constructs: [{ name: 'A', items: ['a1'] }, { name: 'B', items: ['a1'] }] }, 'stats.pls.itemInTwoBlocks', { item: 'a1' }],
		[{ ...small, constructs: [{ name: 'A', items: ['a1'] }, { name: 'A', items: ['a2'] }] }, 'stats.pls.duplicateConstruct', { construct: 'A' }],
		[{ ...small, target: 'Z' }, 'stats.analyze.unknownTarget', { construct: 'Z' }]
	])('rejects model %# with %s', (input, code, params) => {
		expect(expectFail(parseAnalysisModel(input), code)).toMatchObject(params);
	});

	it('passes PLS model errors through (a path to an unknown construct)', () => {
		const m = expectOk(parseAnalysisModel({ ...small, paths: [['A', 'B']] }));
		const rows = [[1, 2], [2, 2], [3, 4], [4, 5], [5, 3]];
		expectFail(analyseModel(m, rows), 'stats.pls.unknownConstruct');
	});
});
