// Seeded draws for the demo data: normal deviates, rounding onto a scale, instants in a range.
import { mulberry32, type Random } from '../stats/random';

export interface Draw {
	uniform: Random;
	/** Standard normal (Box–Muller). */
	normal(): number;
	/** Whole number lo..hi nearest to x. */
	onScale(x: number, lo: number, hi: number): number;
	/** True with probability p. */
	chance(p: number): boolean;
	pick<T>(list: readonly T[]): T;
}

export function draws(seed: number): Draw {
	const uniform = mulberry32(seed);
	return {
		uniform,
		normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
		onScale: (x, lo, hi) => Math.min(hi, Math.max(lo, Math.round(x))),
		chance: (p) => uniform() < p,
		pick: (list) => list[Math.floor(uniform() * list.length)]
	};
}
