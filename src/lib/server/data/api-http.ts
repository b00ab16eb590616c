// HTTP plumbing of /api/v1: JSON bodies, the `{error: {code, message}}` shape for every failure,
// opaque cursors, and the content types each write accepts (form encodings never: a browser form
// riding a session cookie must not reach the API).
import type { RequestEvent } from '@sveltejs/kit';
import { catalogs } from '../../i18n/catalogs';
import { negotiateLocale, type Locale } from '../../i18n/locales';
import { translate, type MessageParams } from '../../i18n/translate';
import { ApiError } from '../auth/api-tokens';
import { MAX_POST_BYTES, readLimitedBody } from '../forms';
import type { ResponseCursor } from '../repo/exports';

/** A JSON response with no caching (API answers are per token). */
export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }
	});
}

/** Runs an API handler; ApiErrors become their status and `{error: {code, message, details?}}`, anything else a logged 500 in the same shape. */
export function apiHandler<E extends RequestEvent>(handle: (event: E) => Promise<Response>): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handle(event);
		} catch (e) {
			if (e instanceof ApiError) {
				return apiJson({ error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } }, e.status, e.headers);
			}
			const errorId = crypto.randomUUID();
			console.error(`[${errorId}] ${event.request.method} ${event.url.pathname} → 500`, e);
			return apiJson({ error: { code: 'internal', message: `Unexpected error; quote ${errorId} when reporting it.` } }, 500);
		}
	};
}

/** The language of the API's problem texts: the request's Accept-Language, English when it names neither zh nor en. */
export function apiLocale(request: Request): Locale {
	return negotiateLocale(request.headers.get('accept-language'));
}

/** The text of a message key in `locale`, for an API answer. */
export function apiMessage(locale: Locale, key: string, params?: MessageParams): string {
	return translate(catalogs[locale], key, params);
}

/** Refuses bodies of other media types with 415 (and so every form encoding). */
export function requireMediaType(request: Request, accepted: readonly string[]): void {
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (!accepted.includes(type)) {
		throw new ApiError(415, 'unsupported_media_type', `Send the body as ${accepted.join(' or ')}.`);
	}
}

/** The JSON body of a request, or 400; 413 over MAX_POST_BYTES. */
export async function jsonBody(request: Request): Promise<unknown> {
	requireMediaType(request, ['application/json']);
	const body = await readLimitedBody(request, MAX_POST_BYTES);
	if (body === 'tooLarge') throw new ApiError(413, 'too_large', `The body is larger than ${MAX_POST_BYTES / 1024 / 1024} MB.`);
	if (body !== 'malformed') {
		try {
			return JSON.parse(body.toString('utf8')) as unknown;
		} catch {
			// falls through to the error below
		}
	}
	throw new ApiError(400, 'malformed_json', 'The body is not valid JSON.');
}

/** Cursor text for the page after `cursor` (base64url JSON, opaque to clients). */
export function encodeCursor(cursor: ResponseCursor): string {
	return Buffer.from(JSON.stringify([cursor.submittedAt, cursor.id])).toString('base64url');
}

/** The cursor a client sent back, or 400 when it is not one of ours. */
export function decodeCursor(text: string | null): ResponseCursor | null {
	if (!text) return null;
	try {
		const [submittedAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
		if (typeof submittedAt === 'number' && typeof id === 'string') return { submittedAt, id };
	} catch {
		// falls through to the error below
	}
	throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API returned.');
}

/** An integer query parameter within [min, max], the fallback when absent, 400 otherwise. */
export function intParam(url: URL, name: string, fallback: number, min: number, max: number): number {
	const text = url.searchParams.get(name);
	if (text === null || text === '') return fallback;
	const n = Number(text);
	if (!Number.isInteger(n) || n < min || n > max) throw new ApiError(400, 'invalid_parameter', `${name} must be a whole number from ${min} to ${max}.`);
	return n;
}

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
