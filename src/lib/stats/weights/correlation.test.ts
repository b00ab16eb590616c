import { beforeEach, describe, expect, it } from 'vitest';
import { expectClose, expectFail, expectOk } from '../test-util';
import { correlationWeights, driverCorrelations, driverCorrelationsFromMoments } from './correlation';

beforeEach(() => {
	expect.hasAssertions();
});

describe('driver correlations', () => {
	it('a zero-variance item is named', () => {
		const m = { n: 10, mean: [1, 2, 3], cov: [[1, 0.5, 0], [0.5, 1, 0], [0, 0, 0]] };
		expect(expectFail(driverCorrelationsFromMoments(m, [1, 2], 0), 'stats.zeroVariance')).toMatchObject({ item: 3 });
	});
	it('bad indices are refused', () => {
		expectFail(driverCorrelations([[1, 0], [0, 1]], [2], 0), 'stats.itemOutOfRange');
		expectFail(driverCorrelations([[1, 0], [0, 1]], [0], 0), 'stats.duplicateItem');
	});
});
describe('correlation weights', () => {
	it('clips negative correlations to 0 with a warning naming the item', () => {
		const r = correlationWeights({ rxx: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], rxy: [0.6, -0.2, 0.2] });
		expectClose(expectOk(r).weights, [0.75, 0, 0.25], 1e-12);
		expect(r.warnings).toEqual([{ code: 'stats.negativeCorrelationClipped', params: { items: '2' } }]);
	});
	it('fails when nothing correlates positively', () => {
		expectFail(correlationWeights({ rxx: [[1]], rxy: [-0.1] }), 'stats.noPositiveCorrelation');
	});
});

describe('hand-built drivers', () => {
	it('are checked before any matrix work', () => {
		expectFail(correlationWeights({ rxx: [[1, 0], [0, 1]], rxy: [0.5] }), 'stats.lengthMismatch');
		expectFail(correlationWeights({ rxx: [[1]], rxy: [NaN] }), 'stats.notFinite');
		expectFail(correlationWeights({ rxx: [[1, NaN], [0, 1]], rxy: [0.5, 0.5] }), 'stats.notFinite');
	});
});
