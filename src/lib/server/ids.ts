import { randomFillSync } from 'node:crypto';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { sha256 } from '@oslojs/crypto/sha2';

// Random bytes are drawn from the operating system 4 KB at a time and each byte handed out once
// (as Node's randomUUID does): one system call per id cost more than the rest of making a response id.
const pool = new Uint8Array(4096);
let used = pool.length;

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * Lower-case base32 of whole 5-byte groups, the same text as encodeBase32LowerCaseNoPadding:
 * that one works through BigInt and took longer than the rest of making an id.
 */
export function base32Groups(bytes: Uint8Array): string {
	if (bytes.length % 5 !== 0) throw new Error('base32Groups: whole 5-byte groups only');
	let text = '';
	let value = 0;
	let bits = 0;
	for (const byte of bytes) {
		value = ((value << 8) | byte) & 0xfff;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			text += BASE32[(value >>> bits) & 31];
		}
	}
	return text;
}

/** `count` fresh random bytes (a multiple of 5, at most 4095), base32-encoded before the pool can be refilled. */
function randomBase32(count: number): string {
	if (used + count > pool.length) {
		randomFillSync(pool);
		used = 0;
	}
	const text = base32Groups(pool.subarray(used, used + count));
	used += count;
	return text;
}

/** A random identifier or secret token: 20 bytes (160 bits) in lower-case base32. */
export function randomToken(): string {
	return randomBase32(20);
}

/** SHA-256 of a string, hex: how secret tokens are stored, so a database leak leaks no token. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * A random identifier that sorts by creation time: epoch milliseconds as 12 hex digits (base32's
 * alphabet does not sort in its own order), then 15 random bytes in lower-case base32. Rows keyed
 * by it are appended at the right edge of the primary-key index instead of at random pages, so a
 * busy table writes fewer pages per insert.
 */
export function timeOrderedId(now = Date.now()): string {
	return now.toString(16).padStart(12, '0') + randomBase32(15);
}
