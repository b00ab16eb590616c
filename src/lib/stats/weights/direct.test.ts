import { beforeEach, describe, expect, it } from 'vitest';
import { expectClose, expectFail, expectOk } from '../test-util';
import { directWeights } from './direct';

beforeEach(() => {
	expect.hasAssertions();
});

describe('direct points', () => {
	it('divides points by their total (SERVQUAL 100-point allocation)', () => {
		expectClose(expectOk(directWeights([20, 30, 15, 15, 20])), [0.2, 0.3, 0.15, 0.15, 0.2], 1e-15);
	});
	it.each([
		[[], 'stats.emptyInput'],
		[[10, -5], 'stats.negativeWeight'],
		[[0, 0], 'stats.zeroTotalWeight'],
		[[1, NaN], 'stats.notFinite']
	])('refuses %o', (points, code) => {
		expectFail(directWeights(points), code);
	});
});
