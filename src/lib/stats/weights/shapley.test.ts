import { beforeEach, describe, expect, it } from 'vitest';
import { mtcars, mtcarsDrivers } from '../../../../tests/fixtures/stats/mtcars';
import { expectClose, expectFail, expectOk } from '../test-util';
import { MAX_SHAPLEY_PREDICTORS, shapleyWeights } from './shapley';

beforeEach(() => {
	expect.hasAssertions();
});

const drivers = mtcarsDrivers();

describe('Shapley on mtcars (methods.md oracle)', () => {
	it('Shapley/LMG: raw .2470520 .2434996 .2109129 .0777251', () => {
		const r = expectOk(shapleyWeights(drivers));
		expectClose(r.raw, [0.247052, 0.2434996, 0.2109129, 0.0777251], 5e-8);
		expectClose(r.raw, mtcars.lmgRaw, 1e-9);
		expect(r.rSquared).toBeCloseTo(mtcars.rSquared, 9);
	});
});

describe('Shapley limits', () => {
	it('more than 12 predictors is refused for Shapley', () => {
		const n = MAX_SHAPLEY_PREDICTORS + 1;
		const identity = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
		expect(expectFail(shapleyWeights({ rxx: identity, rxy: new Array<number>(n).fill(0.1) }), 'stats.tooManyPredictors')).toMatchObject({ n: 13, max: 12 });
	});
});
