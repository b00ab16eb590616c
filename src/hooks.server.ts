import { error, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { appDb, closeDb, initDb } from '$lib/server/db';
import { startAppWorker, stopAppWorker } from '$lib/server/jobs/app-worker';
import {
	deleteSessionCookie,
	SESSION_COOKIE,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { ALL_BUT_ONE_CORE, concurrencyLimit } from '$lib/server/concurrency';
import { isCrossSiteForm } from '$lib/server/cross-site';
import { reportError } from '$lib/server/errors';
import { catalogs } from '$lib/i18n/catalogs';
import { translate } from '$lib/i18n/translate';
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from '$lib/i18n/locales';

export const init: ServerInit = async () => {
	await initDb();
	startAppWorker(appDb(), env);
	// adapter-node emits this on SIGTERM/SIGINT once the HTTP server has closed.
	process.once('sveltekit:shutdown' as 'beforeExit', () => void stopAppWorker().then(closeDb));
};

// One-click unsubscribe (RFC 8058) is posted by mail providers' servers, which send no Origin.
const CROSS_SITE_FORM_ROUTES = new Set(['/(public)/unsubscribe/[token]']);

/** The session from its cookie, renewed when due; a stale cookie is cleared. */
async function authenticate(event: RequestEvent): Promise<void> {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	if (!token) return;
	const { session, user } = await validateSessionToken(appDb(), token);
	if (session) {
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		event.locals.user = user;
		event.locals.session = session;
	} else {
		deleteSessionCookie(event.cookies);
	}
}

/** Cookie (the switcher) first, then the account's choice, then Accept-Language. */
function chooseLocale(event: RequestEvent): Locale {
	const chosen = event.cookies.get(LOCALE_COOKIE) ?? event.locals.user?.locale;
	return isLocale(chosen) ? chosen : negotiateLocale(event.request.headers.get('accept-language'));
}

// The designer's phone preview draws this page in a frame of the app's own; no other page may be framed.
const SAME_ORIGIN_FRAME_ROUTES = new Set(['/(app)/surveys/[id]/preview/frame']);

function framingHeaders(event: RequestEvent, response: Response): void {
	if (!SAME_ORIGIN_FRAME_ROUTES.has(event.route.id ?? '')) {
		response.headers.set('X-Frame-Options', 'DENY');
		return;
	}
	response.headers.set('X-Frame-Options', 'SAMEORIGIN');
	const policy = response.headers.get('content-security-policy');
	if (policy) response.headers.set('content-security-policy', policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
}

// Login posts take turns, as many at once as password hashing may run: a flood of them then
// queues behind itself at no cost, and pages for everyone else keep their share of the processor.
const loginPosts = concurrencyLimit(ALL_BUT_ONE_CORE);

// One handle rather than a sequence of three: every respondent post passes through it.
export const handle: Handle = ({ event, resolve }) => {
	if (event.request.method === 'POST' && event.url.pathname === '/login') return loginPosts(() => respond(event, resolve));
	return respond(event, resolve);
};

async function respond(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']): Promise<Response> {
	await authenticate(event);
	const locale = (event.locals.locale = chooseLocale(event));
	// Kit's own check is turned off (svelte.config.js) in favour of this one, which answers in the visitor's language.
	if (!CROSS_SITE_FORM_ROUTES.has(event.route.id ?? '') && isCrossSiteForm(event.request, event.url.origin)) error(403, translate(catalogs[locale], 'errors.crossSiteForm'));
	const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	framingHeaders(event, response);
	response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	return response;
}

export const handleError: HandleServerError = ({ error, event, status, message }) =>
	reportError(error, { method: event.request.method, path: event.url.pathname }, status, message);
