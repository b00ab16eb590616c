import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './ids';

describe('time-ordered ids', () => {
	it('sort by creation time and stay unique within one millisecond', () => {
		const base = Date.UTC(2026, 10, 26, 12);
		const ids = [base, base + 1, base + 1000, base + 86_400_000, base + 86_400_000].map((at) => timeOrderedId(at));
		expect(ids.slice(0, 4)).toEqual([...ids.slice(0, 4)].sort());
		expect(ids[4]).not.toBe(ids[3]);
		expect(ids[4].slice(0, 12)).toBe(ids[3].slice(0, 12));
		for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}[a-z2-7]{24}$/);
	});
});
