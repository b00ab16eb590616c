export interface BackoffPolicy {
	/** Delay after the first failed attempt, ms. */
	baseMs: number;
	/** No delay grows past this, ms. */
	maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 60 * 60_000 };

/**
 * Wait before the next try after `attempts` failed attempts (1, 2, …): base × 2^(attempts − 1),
 * capped, then "equal jitter" (between half and all of it) so that jobs failing together do not
 * retry together. `random` returns [0, 1).
 */
export function retryDelay(attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
	const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
	return Math.round(exponential / 2 + (random() * exponential) / 2);
}
