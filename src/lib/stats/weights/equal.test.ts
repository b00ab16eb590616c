import { beforeEach, describe, expect, it } from 'vitest';
import { expectFail, expectOk } from '../test-util';
import { equalWeights } from './equal';

beforeEach(() => {
	expect.hasAssertions();
});

describe('equal weights', () => {
	it('gives 1/n each', () => {
		expect(expectOk(equalWeights(4))).toEqual([0.25, 0.25, 0.25, 0.25]);
	});
	it('refuses n < 1 or a fraction', () => {
		expectFail(equalWeights(0), 'stats.emptyInput');
		expectFail(equalWeights(2.5), 'stats.emptyInput');
	});
});
