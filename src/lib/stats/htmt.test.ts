import { beforeEach, describe, expect, it } from 'vitest';
import { heterotraitMonotraitRatio } from './htmt';

beforeEach(() => expect.hasAssertions());

describe('heterotraitMonotraitRatio', () => {
	it('divides the mean heterotrait r by the geometric mean of the monotrait means', () => {
		// Block A = items 0,1 (r 0.8); block B = items 2,3,4 (r 0.6, 0.5, 0.7 → mean 0.6);
		// heterotrait r all 0.3 except one −0.4 (counted as 0.4): mean (5·0.3 + 0.4)/6.
		const r = [
			[1, 0.8, 0.3, 0.3, 0.3],
			[0.8, 1, 0.3, 0.3, -0.4],
			[0.3, 0.3, 1, 0.6, 0.5],
			[0.3, 0.3, 0.6, 1, 0.7],
			[0.3, -0.4, 0.5, 0.7, 1]
		];
		const htmt = heterotraitMonotraitRatio(r, [[0, 1], [2, 3, 4]]);
		const expected = (1.9 / 6) / Math.sqrt(0.8 * 0.6);
		expect(htmt[0][1]).toBeCloseTo(expected, 12);
		expect(htmt[1][0]).toBeCloseTo(expected, 12);
		expect(htmt[0][0]).toBeNull();
	});

	it('is null for a single-item block, which has no monotrait correlation', () => {
		const htmt = heterotraitMonotraitRatio([[1, 0.5, 0.4], [0.5, 1, 0.3], [0.4, 0.3, 1]], [[0, 1], [2]]);
		expect(htmt[0][1]).toBeNull();
	});
});
