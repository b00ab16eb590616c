// Bearer-token authentication for /api/v1: the token alone identifies the caller (cookies are never
// looked at, so a browser session cannot be ridden into the API), its scope bounds what it may do,
// and the owner's role and survey sharing bound the rest, exactly as in the pages.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { parseLimit, type Limit } from '../collection/rate-limit';
import { findTokenBySecret, touchApiToken, type ApiToken } from '../repo/api-tokens';
import { hitWindow } from '../repo/rate-limits';
import { accessAtLeast, findSurveyById, surveyAccess, type Survey, type SurveyAccess } from '../repo/surveys';
import type { User } from '../repo/users';

type Db = Kysely<Database>;

/** An API failure: HTTP status, a stable machine code and a human message (English, for developers). */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details?: unknown,
		readonly headers: Record<string, string> = {}
	) {
		super(message);
	}
}

export interface ApiCaller {
	user: User;
	token: ApiToken;
}

/** Requests per token per window; SATINDEX_API_LIMIT as "hits/seconds" ("0" = unlimited). */
export const defaultApiLimit: Limit = { max: 600, windowMs: 60_000 };

export function apiLimitFromEnv(env: Record<string, string | undefined>): Limit {
	return parseLimit(env.SATINDEX_API_LIMIT, defaultApiLimit);
}

function bearer(request: Request): string {
	const header = request.headers.get('authorization');
	const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
	if (!match) {
		throw new ApiError(401, 'unauthorized', 'Send an API token as "Authorization: Bearer <token>".', undefined, { 'www-authenticate': 'Bearer' });
	}
	return match[1];
}

/**
 * The caller of an API request: a live token of an active user, with the scope the operation
 * needs, within the token's rate limit. Throws ApiError 401 / 403 / 429.
 */
export async function authenticateApi(db: Db, request: Request, need: 'read' | 'read-write', limit: Limit = defaultApiLimit, now = Date.now()): Promise<ApiCaller> {
	const found = await findTokenBySecret(db, bearer(request));
	if (!found) {
		throw new ApiError(401, 'invalid_token', 'The token is unknown, revoked, or its user is deactivated.', undefined, { 'www-authenticate': 'Bearer error="invalid_token"' });
	}
	if (need === 'read-write' && found.token.scope !== 'read-write') {
		throw new ApiError(403, 'insufficient_scope', 'This token is read-only; create a read-write token for this operation.');
	}
	if (limit.max > 0) {
		const { hits, windowEnd } = await hitWindow(db, `api:${found.token.id}`, limit.windowMs, now);
		if (hits > limit.max) {
			const retry = String(Math.max(1, Math.ceil((windowEnd - now) / 1000)));
			throw new ApiError(429, 'rate_limited', `Too many requests for this token; retry in ${retry} s.`, undefined, { 'retry-after': retry });
		}
	}
	await touchApiToken(db, found.token, now);
	return found;
}

/** The survey if the caller's user may `wanted` it: 404 when they cannot see it (no leak), 403 when they may only read. */
export async function apiSurvey(db: Db, caller: ApiCaller, surveyId: string, wanted: SurveyAccess): Promise<Survey & { access: SurveyAccess }> {
	const access = await surveyAccess(db, caller.user, surveyId);
	const survey = access ? await findSurveyById(db, surveyId) : undefined;
	if (!access || !survey) throw new ApiError(404, 'not_found', 'No such survey, or it is not shared with this token’s user.');
	if (!accessAtLeast(access, wanted)) throw new ApiError(403, 'forbidden', `This operation needs ${wanted} access to the survey; the token’s user has ${access}.`);
	return { ...survey, access };
}
