// Submission rate limits, per client and per survey, counted in the database so that several app
// processes on one PostgreSQL share them. Configured by environment variables as "hits/seconds".
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hitWindows, pruneWindows } from '../repo/rate-limits';

export interface Limit {
	/** Hits allowed per window; 0 = unlimited. */
	max: number;
	windowMs: number;
}

export interface SubmitLimits {
	perClient: Limit;
	perSurvey: Limit;
}

/** Generous for shared addresses (a branch's Wi-Fi, carrier NAT), tight enough to stop a script. */
export const defaultSubmitLimits: SubmitLimits = {
	perClient: { max: 60, windowMs: 10 * 60_000 },
	perSurvey: { max: 3000, windowMs: 60_000 }
};

/** Parses "hits/seconds" (e.g. "60/600"); "0" disables the limit; anything else keeps the fallback. */
export function parseLimit(value: string | undefined, fallback: Limit): Limit {
	if (value === undefined || value.trim() === '') return fallback;
	if (value.trim() === '0') return { max: 0, windowMs: fallback.windowMs };
	const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
	return match && Number(match[2]) > 0 ? { max: Number(match[1]), windowMs: Number(match[2]) * 1000 } : fallback;
}

/** Limits from SATINDEX_SUBMIT_LIMIT_CLIENT and SATINDEX_SUBMIT_LIMIT_SURVEY. */
export function limitsFromEnv(env: Record<string, string | undefined>): SubmitLimits {
	return {
		perClient: parseLimit(env.SATINDEX_SUBMIT_LIMIT_CLIENT, defaultSubmitLimits.perClient),
		perSurvey: parseLimit(env.SATINDEX_SUBMIT_LIMIT_SURVEY, defaultSubmitLimits.perSurvey)
	};
}

export type RateDecision = { ok: true } | { ok: false; retryAfterS: number };

let hitsSincePrune = 0;
const PRUNE_EVERY = 5000;
const KEEP_WINDOWS_MS = 24 * 60 * 60_000;

/** Counts one submission for the client and the survey; refuses with the seconds until the fuller window ends. */
export async function checkSubmitRate(
	db: Kysely<Database>,
	limits: SubmitLimits,
	surveyId: string,
	client: string,
	now = Date.now()
): Promise<RateDecision> {
	const checks = [
		{ key: `submit:client:${surveyId}:${client}`, limit: limits.perClient },
		{ key: `submit:survey:${surveyId}`, limit: limits.perSurvey }
	].filter((c) => c.limit.max > 0);
	let retryAt = 0;
	if (checks.length) {
		const counted = await hitWindows(db, checks.map((c) => ({ key: c.key, windowMs: c.limit.windowMs })), now);
		counted.forEach(({ hits, windowEnd }, i) => {
			if (hits > checks[i].limit.max) retryAt = Math.max(retryAt, windowEnd);
		});
	}
	// Old windows are only ever read by nobody: sweep them now and then rather than on every hit.
	if (++hitsSincePrune >= PRUNE_EVERY) {
		hitsSincePrune = 0;
		await pruneWindows(db, now - KEEP_WINDOWS_MS);
	}
	return retryAt ? { ok: false, retryAfterS: Math.max(1, Math.ceil((retryAt - now) / 1000)) } : { ok: true };
}
