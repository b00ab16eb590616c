import { beforeEach, describe, expect, it } from 'vitest';
import { simulatePlsData } from '../../../tests/fixtures/stats/pls-simulated';
import { rowMoments } from './linalg-pls';
import { fitPlsFromMoments } from './pls';
import { bootstrapPls } from './pls-bootstrap';

beforeEach(() => expect.hasAssertions());

describe('bootstrapPls', () => {
	const data = simulatePlsData(3, 120, 3, 3);

	it('is reproducible for a seed, differs for another, and brackets the full-sample estimates', () => {
		const a = bootstrapPls(data.rows, data.itemNames, data.spec, { resamples: 200, seed: 42 });
		const b = bootstrapPls(data.rows, data.itemNames, data.spec, { resamples: 200, seed: 42 });
		const c = bootstrapPls(data.rows, data.itemNames, data.spec, { resamples: 200, seed: 43 });
		if (!a.ok || !b.ok || !c.ok) throw new Error('bootstrap failed');
		expect(b.value.paths).toEqual(a.value.paths);
		expect(c.value.paths[0].lower).not.toBe(a.value.paths[0].lower);
		expect(a.value.weights).toHaveLength(9);
		expect(a.value.paths.map((p) => `${p.from}->${p.to}`)).toEqual(a.value.fit.paths.map((p) => `${p.from}->${p.to}`));
		for (const ci of [...a.value.weights, ...a.value.loadings, ...a.value.paths]) {
			expect(ci.lower).toBeLessThan(ci.estimate);
			expect(ci.upper).toBeGreaterThan(ci.estimate);
			expect(ci.sd).toBeGreaterThan(0);
		}
	});

	it('narrows the interval as the level drops', () => {
		const wide = bootstrapPls(data.rows, data.itemNames, data.spec, { resamples: 200, level: 0.95 });
		const narrow = bootstrapPls(data.rows, data.itemNames, data.spec, { resamples: 200, level: 0.5 });
		if (!wide.ok || !narrow.ok) throw new Error('bootstrap failed');
		const width = (ci: { lower: number; upper: number }) => ci.upper - ci.lower;
		expect(width(narrow.value.paths[0])).toBeLessThan(width(wide.value.paths[0]));
	});

	it('fails with fewer than 10 rows and on invalid options', () => {
		expect(bootstrapPls(data.rows.slice(0, 9), data.itemNames, data.spec)).toMatchObject({
			ok: false, error: { code: 'stats.pls.tooFewRespondents', params: { n: 9, needed: 10 } }
		});
		expect(bootstrapPls(data.rows, data.itemNames, data.spec, { level: 1 })).toMatchObject({
			ok: false, error: { code: 'stats.pls.invalidOption', params: { option: 'level' } }
		});
	});
});

describe('speed', () => {
	it('fits 24 items / 7 constructs from moments in well under 20 ms', () => {
		const d = simulatePlsData(5, 250, 7, 4);
		// 7 × 4 = 28 items; keep three items in the last four blocks so the model has 24 items.
		const spec = { ...d.spec, constructs: d.spec.constructs.map((c, j) => (j >= 3 ? { ...c, items: (c.items as string[]).slice(0, 3) } : c)) };
		const moments = { n: 250, ...rowMoments(d.rows, d.itemNames.map((_, i) => i)) };
		expect(spec.constructs.reduce((sum, c) => sum + c.items.length, 0)).toBe(24);
		const times: number[] = [];
		for (let k = 0; k < 20; k++) {
			const t0 = performance.now();
			expect(fitPlsFromMoments(moments, d.itemNames, spec).ok).toBe(true);
			times.push(performance.now() - t0);
		}
		const median = times.sort((a, b) => a - b)[10];
		console.info(`PLS from moments, 24 items / 7 constructs: median ${median.toFixed(2)} ms`);
		expect(median).toBeLessThan(20);
	});

	it('bootstraps 1,000 resamples of 250 rows within 5 s', () => {
		const data = simulatePlsData(6, 250, 6, 4);
		const t0 = performance.now();
		const result = bootstrapPls(data.rows, data.itemNames, data.spec, { resamples: 1000 });
		const elapsed = performance.now() - t0;
		console.info(`PLS bootstrap 1000 × 250 rows (24 items, 6 constructs): ${elapsed.toFixed(0)} ms`);
		expect(result.ok && result.value.failed).toBe(0);
		expect(elapsed).toBeLessThan(5000);
	});
});
