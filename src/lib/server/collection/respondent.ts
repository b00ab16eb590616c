// Cookie duplicate mode: a random first-party cookie per survey identifies a browser; only its
// keyed hash is stored (responses.respondent_key, unique per survey).
import type { Cookies } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hashToken, randomToken } from '../ids';
import { getOrCreateSetting } from '../repo/settings';

let secret: Promise<string> | undefined;

const cookieName = (surveyId: string) => `r_${surveyId}`;
const YEAR_S = 365 * 24 * 60 * 60;

/** The browser's respondent cookie for this survey, created (and set) when missing. */
export function respondentCookie(cookies: Cookies, surveyId: string, code: string, secure: boolean): string {
	const existing = cookies.get(cookieName(surveyId));
	if (existing && /^[a-z2-7]{32}$/.test(existing)) return existing;
	const value = randomToken();
	cookies.set(cookieName(surveyId), value, { path: `/s/${code}`, maxAge: YEAR_S, httpOnly: true, sameSite: 'lax', secure });
	return value;
}

/** The existing cookie only (undefined when the browser has none). */
export function existingRespondentCookie(cookies: Cookies, surveyId: string): string | undefined {
	return cookies.get(cookieName(surveyId));
}

/** Keyed hash of a respondent cookie for a survey (the key lives in the database, shared by all processes). */
export async function respondentKey(db: Kysely<Database>, surveyId: string, cookie: string): Promise<string> {
	secret ??= getOrCreateSetting(db, 'respondent-key-secret', randomToken);
	return hashToken(`${await secret}:${surveyId}:${cookie}`).slice(0, 40);
}
