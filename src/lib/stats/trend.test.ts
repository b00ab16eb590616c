import { beforeEach, describe, expect, it } from 'vitest';
import { expectFail } from './test-util';
import { bootstrapMeanCI, meanCI, npsChange, quantile, summarise, welchChange } from './trend';

beforeEach(() => {
	expect.hasAssertions();
});

describe('meanCI', () => {
	it('matches the methods.md oracle (mean 71.782434, sd 14.908181, n 250)', () => {
		const r = meanCI({ mean: 71.782434, sd: 14.908181, n: 250 });
		if (!r.ok) throw new Error(r.error.code);
		expect(r.value.t).toBeCloseTo(1.969537, 6);
		expect(r.value.lower).toBeCloseTo(69.9254, 4);
		expect(r.value.upper).toBeCloseTo(73.6395, 4);
		expect(r.warnings).toEqual([]);
	});

	it('warns below 30 respondents and fails below 2', () => {
		const small = meanCI({ mean: 5, sd: 1, n: 10 });
		expect(small.warnings.map((w) => w.code)).toEqual(['stats.smallSample']);
		expectFail(meanCI({ mean: 5, sd: 0, n: 1 }), 'stats.tooFewRespondents');
		expectFail(meanCI({ mean: 5, sd: 1, n: 40 }, 1.5), 'stats.invalidLevel');
	});
});

describe('welchChange', () => {
	const a = [3, 4, 5, 4, 3, 5, 4, 4];
	const b = [2, 3, 3, 4, 2, 3, 3, 2, 4];
	it('matches the methods.md oracle (Δ 1.111111, t 2.976703, df 14.873594, p 0.009478)', () => {
		const sa = summarise(a);
		const sb = summarise(b);
		if (!sa.ok || !sb.ok) throw new Error('summary failed');
		const r = welchChange(sb.value, sa.value);
		if (!r.ok) throw new Error(r.error.code);
		expect(r.value.difference).toBeCloseTo(1.111111, 6);
		expect(r.value.t).toBeCloseTo(2.976703, 6);
		expect(r.value.df).toBeCloseTo(14.873594, 6);
		expect(r.value.p).toBeCloseTo(0.009478, 6);
		expect(r.value.significant).toBe(true);
		// CI of Δ brackets Δ symmetrically and excludes 0 since p < 0.05
		expect(r.value.ci.lower).toBeGreaterThan(0);
		expect(r.value.ci.upper - r.value.difference).toBeCloseTo(r.value.difference - r.value.ci.lower, 12);
	});

	it('fails when both periods have no variation', () => {
		expectFail(welchChange({ n: 40, mean: 3, sd: 0 }, { n: 40, mean: 4, sd: 0 }), 'stats.noVariation');
	});
});

describe('npsChange', () => {
	it('is z = ΔNPS/√(SE₁² + SE₂²) with a two-sided normal p', () => {
		const r = npsChange({ nps: 20, se: 3 }, { nps: 30, se: 4 });
		if (!r.ok) throw new Error(r.error.code);
		expect(r.value.z).toBeCloseTo(2, 12);
		expect(r.value.p).toBeCloseTo(0.0455003, 6);
		expect(r.value.significant).toBe(true);
	});
});

describe('bootstrapMeanCI', () => {
	const values = Array.from({ length: 200 }, (_, i) => (i * 37) % 101);
	it('is reproducible for a seed and brackets the mean near the t interval', () => {
		const one = bootstrapMeanCI(values, { seed: 7 });
		const two = bootstrapMeanCI(values, { seed: 7 });
		const summary = summarise(values);
		if (!summary.ok) throw new Error(summary.error.code);
		const t = meanCI(summary.value);
		if (!one.ok || !two.ok || !t.ok) throw new Error('failed');
		expect(one.value).toEqual(two.value);
		expect(one.value.lower).toBeLessThan(one.value.mean);
		expect(one.value.upper).toBeGreaterThan(one.value.mean);
		expect(Math.abs(one.value.lower - t.value.lower)).toBeLessThan(0.5);
		expect(Math.abs(one.value.upper - t.value.upper)).toBeLessThan(0.5);
	});

	it('rejects non-finite values', () => {
		expectFail(bootstrapMeanCI([1, 2, NaN, 4], { seed: 1 }), 'stats.notFinite');
	});

	it('uses R type-7 quantiles', () => {
		expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
	});
});
