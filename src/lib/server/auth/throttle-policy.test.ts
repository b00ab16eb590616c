import { describe, expect, it } from 'vitest';
import { accountBlockApplies, blockAfter, countAttempt, secondsLeft, type KeyState } from './throttle-policy';

const fresh: KeyState = { failures: 0, blockedUntil: 0, refused: 0 };
const now = 1_000_000;

describe('login throttle policy', () => {
	it.each([
		[4, 0, 0],
		[5, 30_000, 30_000],
		[6, 60_000, 60_000],
		[7, 120_000, 60_000],
		[11, 1_920_000, 60_000],
		[12, 3_600_000, 60_000],
		[40, 3_600_000, 60_000]
	])('after %i failures blocks a client for %i ms and an account for %i ms', (failures, client, account) => {
		expect(blockAfter('client', failures)).toBe(client);
		expect(blockAfter('account', failures)).toBe(account);
	});

	it('counts an admitted attempt as a failure and starts the block it earns', () => {
		expect(countAttempt('client', { ...fresh, failures: 3 }, now)).toEqual({ failures: 4, blockedUntil: 0, refused: 0 });
		expect(countAttempt('client', { ...fresh, failures: 4 }, now)).toEqual({ failures: 5, blockedUntil: now + 30_000, refused: 0 });
	});

	it('clears the refusals of a block that has ended, and keeps those of one that lasts', () => {
		const ended = { failures: 5, blockedUntil: now - 1, refused: 12 };
		expect(countAttempt('client', ended, now)).toEqual({ failures: 6, blockedUntil: now + 60_000, refused: 0 });
		const lasting = { failures: 9, blockedUntil: now + 50_000, refused: 3 };
		expect(countAttempt('account', lasting, now)).toEqual({ failures: 10, blockedUntil: now + 60_000, refused: 3 });
	});

	it('never blocks on a pair, which only remembers that a client failed on an account', () => {
		expect(blockAfter('pair', 12)).toBe(0);
		expect(countAttempt('pair', { ...fresh, failures: 11 }, now)).toEqual({ failures: 12, blockedUntil: 0, refused: 0 });
	});

	it('holds back only clients with failures on a blocked account, and rounds the wait up', () => {
		expect(accountBlockApplies(fresh)).toBe(false);
		expect(accountBlockApplies({ ...fresh, failures: 1 })).toBe(true);
		expect(secondsLeft({ ...fresh, blockedUntil: now + 1_001 }, now)).toBe(2);
		expect(secondsLeft({ ...fresh, blockedUntil: now + 1 }, now)).toBe(1);
	});
});
