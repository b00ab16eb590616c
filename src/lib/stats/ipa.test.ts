import { beforeEach, describe, expect, it } from 'vitest';
import { importancePerformance } from './ipa';
import { expectFail, expectOk } from './test-util';

beforeEach(() => {
	expect.hasAssertions();
});

const items = [
	{ importance: 0.4, performance: 60 },
	{ importance: 0.3, performance: 80 },
	{ importance: 0.2, performance: 70 },
	{ importance: 0.1, performance: 50 }
];

describe('importance–performance quadrants', () => {
	it('uses the means by default', () => {
		const r = expectOk(importancePerformance(items));
		expect(r.crosshair.method).toBe('mean');
		expect(r.crosshair.importance).toBeCloseTo(0.25, 12);
		expect(r.crosshair.performance).toBeCloseTo(65, 12);
		expect(r.quadrants).toEqual(['concentrateHere', 'keepUpTheGoodWork', 'possibleOverkill', 'lowPriority']);
	});
	it('counts an item on the floating-point mean as high', () => {
		// (0.1 + 0.2 + 0.3)/3 is 0.20000000000000004 in floating point; 0.2 must still count as high.
		const r = expectOk(importancePerformance([{ importance: 0.1, performance: 60 }, { importance: 0.2, performance: 40 }, { importance: 0.3, performance: 50 }]));
		expect(r.crosshair.importance).toBeGreaterThan(0.2);
		expect(r.quadrants).toEqual(['possibleOverkill', 'concentrateHere', 'keepUpTheGoodWork']);
	});
	it('counts ties with the median as high', () => {
		const r = expectOk(importancePerformance([...items, { importance: 0.25, performance: 65 }], { crosshair: 'median' }));
		expect(r.crosshair).toMatchObject({ importance: 0.25, performance: 65 });
		expect(r.quadrants[4]).toBe('keepUpTheGoodWork');
	});
	it('uses the scale midpoints (1/n and 50 by default)', () => {
		const r = expectOk(importancePerformance(items, { crosshair: 'midpoint' }));
		expect(r.quadrants).toEqual(['keepUpTheGoodWork', 'keepUpTheGoodWork', 'possibleOverkill', 'possibleOverkill']);
		expectFail(importancePerformance([]), 'stats.emptyInput');
	});
});
