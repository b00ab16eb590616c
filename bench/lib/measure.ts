/** Timing for benchmarks: median of repeated runs after a warm-up, so JIT and GC noise average out. */
import { performance } from 'node:perf_hooks';

export interface Timing {
	/** Median wall time of one run, ms. */
	ms: number;
	/** Fastest run, ms. */
	minMs: number;
	runs: number;
}

export interface MeasureOptions {
	/** Timed runs (default 5). */
	runs?: number;
	/** Untimed runs first, to let the JIT compile the hot path (default 1). */
	warmup?: number;
}

/** Median and minimum wall time (ms) of `fn` over `runs` runs; the result of fn is kept alive so it is not optimised away. */
export function measure(fn: () => unknown, options: MeasureOptions = {}): Timing {
	const { runs = 5, warmup = 1 } = options;
	let sink: unknown;
	for (let i = 0; i < warmup; i++) sink = fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		sink = fn();
		times.push(performance.now() - start);
	}
	keep(sink);
	times.sort((a, b) => a - b);
	const mid = Math.floor(times.length / 2);
	const ms = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
	return { ms, minMs: times[0], runs };
}

let kept: unknown;
/** Stores a value where the optimiser cannot prove it unused. */
function keep(value: unknown): void {
	kept = value;
	if (kept === Symbol.for('never')) console.log(kept);
}
