import { beforeEach, describe, expect, it } from 'vitest';
import { mtcars, mtcarsDrivers, mtcarsStatistics } from '../../../../tests/fixtures/stats/mtcars';
import { buildItemStatistics } from '../sufficient';
import { mulberry32 } from '../random';
import { pairwiseCorrelation, pairwiseMoments } from '../sufficient-moments';
import { expectClose, expectFail, expectOk } from '../test-util';
import { driverCorrelations, driverCorrelationsFromMoments } from './correlation';
import { relativeWeights } from './relative-weights';
import { shapleyWeights } from './shapley';

beforeEach(() => {
	expect.hasAssertions();
});

const stats = mtcarsStatistics();
const drivers = mtcarsDrivers();

describe('relative weights on mtcars (methods.md oracle)', () => {
	it('relative weights: R² 0.7791896, raw .2284797 .2221469 .2321744 .0963886', () => {
		const r = expectOk(relativeWeights(drivers));
		expect(r.rSquared).toBeCloseTo(0.7791896, 7);
		expectClose(r.raw, [0.2284797, 0.2221469, 0.2321744, 0.0963886], 5e-8);
		expectClose(r.raw, mtcars.relativeWeightsRaw, 1e-9);
		expect(r.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
	});
	it('moments give the same drivers as correlations', () => {
		const fromMoments = expectOk(driverCorrelationsFromMoments(expectOk(pairwiseMoments(stats)), [1, 2, 3, 4], 0));
		expectClose(fromMoments.rxx, drivers.rxx, 1e-12);
		expectClose(fromMoments.rxy, drivers.rxy, 1e-12);
	});
});

describe('derived-weight properties (seeded)', () => {
	const random = mulberry32(31);
	const randomStats = (n: number, p: number) => {
		const rows = Array.from({ length: n }, () => {
			const x = Array.from({ length: p }, () => random() * 10);
			return [x.reduce((s, v, i) => s + v * (i + 1) * (random() - 0.3), 0), ...x];
		});
		return expectOk(pairwiseCorrelation(expectOk(buildItemStatistics(rows, p + 1))));
	};
	it('Shapley and relative weights are ≥ 0, sum to 1, and permute with the predictors', () => {
		for (let trial = 0; trial < 5; trial++) {
			const p = 3 + trial;
			const corr = randomStats(60, p);
			const order = Array.from({ length: p }, (_, i) => i + 1);
			const perm = [...order].sort(() => random() - 0.5);
			for (const method of [shapleyWeights, relativeWeights]) {
				const r = expectOk(method(expectOk(driverCorrelations(corr, order, 0))));
				const q = expectOk(method(expectOk(driverCorrelations(corr, perm, 0))));
				expect(r.weights.every((w) => w >= 0)).toBe(true);
				expect(r.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
				expectClose(q.weights, perm.map((i) => r.weights[i - 1]), 1e-9);
				expect(q.rSquared).toBeCloseTo(r.rSquared, 12);
			}
		}
	});
});

describe('derived-weight failures', () => {
	it('collinear predictors fail with stats.collinearPredictors', () => {
		const rows = Array.from({ length: 20 }, (_, i) => [i % 7, i, 2 * i + 1, (i * 3) % 5]);
		const corr = expectOk(pairwiseCorrelation(expectOk(buildItemStatistics(rows, 4))));
		const d = expectOk(driverCorrelations(corr, [1, 2, 3], 0));
		expectFail(relativeWeights(d), 'stats.collinearPredictors');
		expectFail(shapleyWeights(d), 'stats.collinearPredictors');
	});
});
