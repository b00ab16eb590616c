import { describe, expect, it } from 'vitest';
import { retryDelay } from './backoff';

describe('retryDelay', () => {
	const policy = { baseMs: 1_000, maxMs: 10_000 };
	it.each([
		[1, 0, 500],
		[1, 0.999999, 1_000],
		[2, 0, 1_000],
		[3, 0.5, 3_000],
		[4, 0, 4_000],
		[5, 0, 5_000],
		[12, 0.999999, 10_000]
	])('after %i failures with random %f waits %i ms', (attempts, random, expected) => {
		expect(retryDelay(attempts, policy, () => random)).toBe(expected);
	});

	it('spreads jobs that failed together', () => {
		const delays = new Set([0.1, 0.4, 0.7].map((r) => retryDelay(3, policy, () => r)));
		expect(delays.size).toBe(3);
	});
});
