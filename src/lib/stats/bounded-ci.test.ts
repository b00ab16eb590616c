import { beforeEach, describe, expect, it } from 'vitest';
import oracle from '../../../tests/fixtures/stats/bounded-ci.json';
import { boundedMeanCI } from './bounded-ci';

beforeEach(() => {
	expect.hasAssertions();
});

describe('a CI that stays on the 0–100 scale', () => {
	// jStat's t quantile agrees with scipy's to about 1e-7, hence five decimals.
	it.each(oracle)('mean $mean, sd $sd, n $n → $method [$lower, $upper] (scipy)', ({ mean, sd, n, lower, upper, method }) => {
		const ci = boundedMeanCI({ mean, sd, n });
		if (!ci.ok) throw new Error(ci.error.code);
		expect(ci.value.method).toBe(method);
		expect(ci.value.lower).toBeCloseTo(lower, 5);
		expect(ci.value.upper).toBeCloseTo(upper, 5);
		expect(ci.value.lower).toBeGreaterThanOrEqual(0);
		expect(ci.value.upper).toBeLessThanOrEqual(100);
	});

	it('gives a zero-width interval at the bound when every answer is at it', () => {
		const ci = boundedMeanCI({ mean: 100, sd: 0, n: 5 });
		expect(ci.ok && ci.value).toEqual({ lower: 100, upper: 100, method: 't' });
	});

	it('works on any scale, and fails with fewer than two respondents', () => {
		const ci = boundedMeanCI({ mean: 4.9, sd: 0.4, n: 4 }, { lo: 1, hi: 5 });
		expect(ci.ok && ci.value.upper).toBeLessThanOrEqual(5);
		expect(boundedMeanCI({ mean: 50, sd: 1, n: 1 }).ok).toBe(false);
	});
});
