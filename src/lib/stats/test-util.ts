/** Helpers for the engine's unit tests (imported only by *.test.ts). */
import { expect } from 'vitest';
import type { StatsResult } from './result';

/** Asserts success and returns the value. */
export function expectOk<T>(result: StatsResult<T>): T {
	expect(result.ok ? 'ok' : result.error).toBe('ok');
	if (!result.ok) throw new Error(result.error.code);
	return result.value;
}

/** Asserts failure with `code` and returns the params. */
export function expectFail<T>(result: StatsResult<T>, code: string): Record<string, string | number> {
	expect(result.ok ? 'ok' : result.error.code).toBe(code);
	return result.ok ? {} : (result.error.params ?? {});
}

/** Asserts two matrices or vectors agree element-wise within `tolerance`. */
export function expectClose(actual: number[] | number[][], expected: number[] | number[][], tolerance: number): void {
	const a = actual.flat();
	const e = expected.flat();
	expect(a.length).toBe(e.length);
	const worst = Math.max(0, ...a.map((v, i) => Math.abs(v - e[i])));
	expect(worst).toBeLessThanOrEqual(tolerance);
}
