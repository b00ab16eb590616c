// The login throttling rules, apart from the database: what one key (a client address or an
// account) remembers, when it blocks, and how an admitted attempt changes it.

/** What the throttle remembers about one key; times are epoch-ms. */
export interface KeyState {
	failures: number;
	blockedUntil: number;
	/** Attempts refused during the current or last block, not yet reported. */
	refused: number;
}

/**
 * A client address backs off ever longer; an account only slows down, so no one can lock its owner
 * out; a pair (one client on one account) never blocks: it only remembers who has failed where.
 */
export type KeyKind = 'client' | 'account' | 'pair';

const FREE_FAILURES = 5;
const FIRST_BLOCK_MS = 30_000;
const LONGEST_BLOCK_MS: Record<KeyKind, number> = { client: 60 * 60_000, account: 60_000, pair: 0 };

/** Block after the nth failure in ms: none for the first four, then 30 s doubling, at most 1 h (client), 1 min (account) or none (pair). */
export function blockAfter(kind: KeyKind, failures: number): number {
	if (failures < FREE_FAILURES) return 0;
	return Math.min(LONGEST_BLOCK_MS[kind], FIRST_BLOCK_MS * 2 ** (failures - FREE_FAILURES));
}

export function isBlocked(state: KeyState, now: number): boolean {
	return state.blockedUntil > now;
}

/** Whole seconds until the key's block ends (at least 1 while it lasts). */
export function secondsLeft(state: KeyState, now: number): number {
	return Math.max(1, Math.ceil((state.blockedUntil - now) / 1000));
}

/**
 * An account's block holds back only clients that have failed on that account: its owner can still
 * log in from a client with a clean record while someone else guesses, and a guesser cannot shed
 * the block by logging into an account of their own (which forgets their client's failures).
 */
export function accountBlockApplies(pair: KeyState): boolean {
	return pair.failures > 0;
}

/** Refusals of a block that has ended, to report once (0 while the block lasts). */
export function refusalsToReport(state: KeyState, now: number): number {
	return isBlocked(state, now) ? 0 : state.refused;
}

/**
 * The key once an attempt is let through: counted as a failure before its password is checked (a
 * success forgets it), so attempts racing it see the count and any block it starts.
 */
export function countAttempt(kind: KeyKind, state: KeyState, now: number): KeyState {
	const failures = state.failures + 1;
	const block = blockAfter(kind, failures);
	return {
		failures,
		blockedUntil: Math.max(state.blockedUntil, block > 0 ? now + block : 0),
		refused: state.refused - refusalsToReport(state, now)
	};
}
