/**
 * A seeded uniform generator (mulberry32): the engine's bootstraps and the property tests must
 * give the same numbers on every run, so Math.random is never used.
 */
export type Random = () => number;

/** Uniform numbers in [0, 1) from a 32-bit seed; the same seed gives the same sequence. */
export function mulberry32(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An integer in 0..n−1 drawn from `random`. */
export function randomIndex(random: Random, n: number): number {
	return Math.floor(random() * n);
}
