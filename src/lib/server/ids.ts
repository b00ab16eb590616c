import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { sha256 } from '@oslojs/crypto/sha2';

/** A random identifier or secret token: 20 bytes (160 bits) in lower-case base32. */
export function randomToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
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
	const bytes = new Uint8Array(15);
	crypto.getRandomValues(bytes);
	return now.toString(16).padStart(12, '0') + encodeBase32LowerCaseNoPadding(bytes);
}
