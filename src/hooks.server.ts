import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { appDb, initDb } from '$lib/server/db';
import {
	deleteSessionCookie,
	SESSION_COOKIE,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { isLocale, LOCALE_COOKIE, negotiateLocale } from '$lib/i18n/locales';

export const init: ServerInit = async () => {
	await initDb();
};

const authenticate: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const { session, user } = await validateSessionToken(appDb(), token);
		if (session) {
			setSessionCookie(event.cookies, event.url, token, session.expiresAt);
			event.locals.user = user;
			event.locals.session = session;
		} else {
			deleteSessionCookie(event.cookies);
		}
	}
	return resolve(event);
};

/** Cookie (the switcher) first, then the account's choice, then Accept-Language. */
const chooseLocale: Handle = async ({ event, resolve }) => {
	const chosen = event.cookies.get(LOCALE_COOKIE) ?? event.locals.user?.locale;
	const locale = isLocale(chosen) ? chosen : negotiateLocale(event.request.headers.get('accept-language'));
	event.locals.locale = locale;
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	return response;
};

export const handle = sequence(authenticate, chooseLocale, securityHeaders);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'errors.notFound' };
	const errorId = crypto.randomUUID();
	console.error(`[${errorId}] ${event.request.method} ${event.url.pathname} → ${status} ${message}`, error);
	return { message: 'errors.unexpected', errorId };
};
