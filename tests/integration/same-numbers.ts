// Comparing report models computed two ways (store and raw recomputation).
import { expect } from 'vitest';

/** Every number in a and b equal to 1e-9 (relative to magnitude), everything else identical. */
export function expectSameNumbers(a: unknown, b: unknown, path = '$'): void {
	if (typeof a === 'number' && typeof b === 'number') {
		if (Number.isNaN(a)) return void expect(Number.isNaN(b), path).toBe(true);
		expect(Math.abs(a - b), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
	} else if (a && b && typeof a === 'object' && typeof b === 'object') {
		expect(Object.keys(b).sort(), path).toEqual(Object.keys(a).sort());
		for (const key of Object.keys(a)) expectSameNumbers((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
	} else expect(b, path).toEqual(a);
}
