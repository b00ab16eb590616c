// How errors leave the server: a client error (4xx) is the visitor's to fix, so it says what is
// wrong and is logged in one line; a server error (5xx) is ours, logged with its stack and given a
// reference the visitor can quote.
import { error, isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { catalogs } from '../i18n/catalogs';
import { errorMessageKey } from '../i18n/http-errors';
import { translate } from '../i18n/translate';

/** Where an error happened, for the log line. */
export interface ErrorPlace {
	method: string;
	path: string;
}

/** Logs an error and returns what the page shows: a message key, and a reference for a 5xx. */
export function reportError(cause: unknown, place: ErrorPlace, status: number, message: string, log: Pick<Console, 'warn' | 'error'> = console): App.Error {
	const line = `${place.method} ${place.path} → ${status} ${message}`;
	if (status < 500) {
		const detail = cause instanceof Error && cause.message !== message ? `: ${cause.message.replace(/\s+/g, ' ')}` : '';
		log.warn(line + detail);
		return { message: errorMessageKey(status) };
	}
	const errorId = crypto.randomUUID();
	log.error(`[${errorId}] ${line}`, cause);
	return { message: 'errors.unexpected', errorId };
}

/**
 * Wraps an endpoint a browser opens (a download, a QR code). SvelteKit answers an endpoint's error
 * with a bare page that prints the message as it is, so the message key is translated here first.
 */
export function browserEndpoint<E extends RequestEvent>(handle: (event: E) => Promise<Response>): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handle(event);
		} catch (e) {
			if (isRedirect(e)) throw e;
			const place = { method: event.request.method, path: event.url.pathname };
			const status = isHttpError(e) ? e.status : 500;
			const body = isHttpError(e) ? e.body : reportError(e, place, status, 'Internal Error');
			const t = (key: string, params?: Record<string, string>) => translate(catalogs[event.locals.locale], key, params);
			const message = body.errorId ? `${t(body.message)} ${t('errors.reference', { id: body.errorId })}` : t(body.message);
			error(status, { message, errorId: body.errorId });
		}
	};
}
