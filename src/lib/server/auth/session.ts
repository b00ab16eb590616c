// Sessions as in the Lucia guide: the cookie holds a random token, the database holds only its
// SHA-256, so a leaked table cannot be replayed.
import type { Cookies } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hashToken, randomToken } from '../ids';
import {
	deleteSession,
	extendSession,
	findSessionWithUser,
	insertSession,
	type SessionRow
} from '../repo/sessions';
import type { User } from '../repo/users';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
/** A session used within its last 15 days is extended to a full 30 again. */
const RENEW_WITHIN = 15 * DAY;
export const SESSION_COOKIE = 'session';

export async function createSession(
	db: Kysely<Database>,
	userId: string,
	now = Date.now()
): Promise<{ token: string; session: SessionRow }> {
	const token = randomToken();
	const session = { id: hashToken(token), userId, expiresAt: now + SESSION_LIFETIME };
	await insertSession(db, session, now);
	return { token, session };
}

/** The session and user for a cookie token, or nulls when missing, expired or deactivated. */
export async function validateSessionToken(
	db: Kysely<Database>,
	token: string,
	now = Date.now()
): Promise<{ session: SessionRow; user: User } | { session: null; user: null }> {
	const found = await findSessionWithUser(db, hashToken(token));
	if (!found) return { session: null, user: null };
	if (now >= found.session.expiresAt || !found.user.active) {
		await deleteSession(db, found.session.id);
		return { session: null, user: null };
	}
	if (now >= found.session.expiresAt - RENEW_WITHIN) {
		found.session.expiresAt = now + SESSION_LIFETIME;
		await extendSession(db, found.session.id, found.session.expiresAt);
	}
	return found;
}

/**
 * HttpOnly and SameSite=Lax always; Secure whenever the app is served over HTTPS (set ORIGIN to
 * an https:// address behind a TLS proxy), so a plain-HTTP trial on a LAN can still sign in.
 */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: number): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		path: '/',
		expires: new Date(expiresAt)
	});
}

export function deleteSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/' });
}
