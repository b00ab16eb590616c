import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { blockedUntil, clearFailures, recordFailure } from '../repo/login-throttle';
import { normaliseEmail } from '../repo/users';

const FREE_FAILURES = 5;
const FIRST_BLOCK_MS = 30_000;
const MAX_BLOCK_MS = 60 * 60_000;

/** Exponential back-off: 30 s after the 5th failure, doubling with each further one, at most 1 h. */
export function blockAfter(failures: number): number {
	if (failures < FREE_FAILURES) return 0;
	return Math.min(MAX_BLOCK_MS, FIRST_BLOCK_MS * 2 ** (failures - FREE_FAILURES));
}

/** Attempts are counted per account and per client, so neither guessing pattern escapes. */
export function throttleKeys(email: string, client: string): string[] {
	return [`account:${normaliseEmail(email)}`, `client:${client}`];
}

/** Seconds to wait before another attempt is allowed (0 = go ahead). */
export async function secondsToWait(db: Kysely<Database>, keys: string[], now = Date.now()): Promise<number> {
	const until = await blockedUntil(db, keys);
	return until > now ? Math.ceil((until - now) / 1000) : 0;
}

export async function countFailure(db: Kysely<Database>, keys: string[], now = Date.now()): Promise<void> {
	for (const key of keys) await recordFailure(db, key, blockAfter, now);
}

export async function forgetFailures(db: Kysely<Database>, keys: string[]): Promise<void> {
	await clearFailures(db, keys);
}
