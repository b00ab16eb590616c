import { beforeEach, describe, expect, it } from 'vitest';
import { mulberry32, randomIndex } from './random';

beforeEach(() => {
	expect.hasAssertions();
});

describe('mulberry32', () => {
	it('repeats its sequence for a seed and differs between seeds', () => {
		const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
		expect(take(42)).toEqual(take(42));
		expect(take(42)).not.toEqual(take(43));
	});
	it('stays in [0, 1) with a mean near 1/2, and indices cover 0..n−1', () => {
		const random = mulberry32(1);
		const values = Array.from({ length: 20_000 }, random);
		expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
		expect(values.reduce((s, v) => s + v, 0) / values.length).toBeCloseTo(0.5, 2);
		const seen = new Set(Array.from({ length: 1000 }, () => randomIndex(random, 7)));
		expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});
});
