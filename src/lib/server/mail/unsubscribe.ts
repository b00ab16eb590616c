// One-click unsubscribe (RFC 8058): the token names the address and carries a keyed signature, so a
// POST with no session can be trusted to speak for that address and for no other.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { randomToken } from '../ids';
import { optOut } from '../contacts';
import { getOrCreateSetting } from '../repo/settings';

type Db = Kysely<Database>;

let secret: Promise<string> | undefined;

async function signature(db: Db, email: string): Promise<Buffer> {
	secret ??= getOrCreateSetting(db, 'unsubscribe-secret', randomToken);
	return createHmac('sha256', await secret).update(email.toLowerCase()).digest().subarray(0, 16);
}

/** The token of `/unsubscribe/{token}` for an address: base64url(address).base64url(signature). */
export async function unsubscribeToken(db: Db, email: string): Promise<string> {
	return `${Buffer.from(email.toLowerCase()).toString('base64url')}.${(await signature(db, email)).toString('base64url')}`;
}

/** The address a token speaks for, or null when it was not signed by this installation. */
export async function readUnsubscribeToken(db: Db, token: string): Promise<string | null> {
	const match = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{22})$/.exec(token);
	if (!match) return null;
	const email = Buffer.from(match[1], 'base64url').toString('utf8');
	// Compared as text: base64url's last character has spare bits, so two spellings decode alike.
	const given = Buffer.from(match[2]);
	const expected = Buffer.from((await signature(db, email)).toString('base64url'));
	return given.length === expected.length && timingSafeEqual(given, expected) ? email : null;
}

/** Stops all later mail to the token's address; false for a token that is not ours. */
export async function unsubscribe(db: Db, token: string): Promise<boolean> {
	const email = await readUnsubscribeToken(db, token);
	if (!email) return false;
	await optOut(db, { email }, 'unsubscribe');
	return true;
}
