// Submission rate limits, per client and per survey, counted in the database so that several app
// processes on one PostgreSQL share them. Configured by environment variables as "hits/seconds".
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hitWindows, pruneWindows, type WindowCount, type WindowHit } from '../repo/rate-limits';

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

/** One limit to count a submission against: its window key and the limit. */
export interface RateCheck {
	key: string;
	limit: Limit;
}

/** The limits one submission counts against: its client on this survey, and the survey (unlimited ones left out). */
export function submitRateChecks(limits: SubmitLimits, surveyId: string, client: string): RateCheck[] {
	return [
		{ key: `submit:client:${surveyId}:${client}`, limit: limits.perClient },
		{ key: `submit:survey:${surveyId}`, limit: limits.perSurvey }
	].filter((c) => c.limit.max > 0);
}

/** The windows to count `checks` in (for addHits / hitWindows). */
export function rateWindows(checks: readonly RateCheck[]): WindowHit[] {
	return checks.map((c) => ({ key: c.key, windowMs: c.limit.windowMs }));
}

/** Refuses when any count is over its limit, with the seconds until the fuller window ends. */
export function rateDecision(checks: readonly RateCheck[], counts: readonly WindowCount[], now: number): RateDecision {
	let retryAt = 0;
	counts.forEach(({ hits, windowEnd }, i) => {
		if (hits > checks[i].limit.max) retryAt = Math.max(retryAt, windowEnd);
	});
	return retryAt ? { ok: false, retryAfterS: Math.max(1, Math.ceil((retryAt - now) / 1000)) } : { ok: true };
}

let hitsSincePrune = 0;
const PRUNE_EVERY = 5000;
const KEEP_WINDOWS_MS = 24 * 60 * 60_000;

/** Old windows are only ever read by nobody: sweep them now and then rather than on every hit. */
export async function pruneOldWindowsNowAndThen(db: Kysely<Database>, hits: number, now: number): Promise<void> {
	hitsSincePrune += hits;
	if (hitsSincePrune < PRUNE_EVERY) return;
	hitsSincePrune = 0;
	await pruneWindows(db, now - KEEP_WINDOWS_MS);
}

/** Counts one submission against `checks` on its own (posts the response writer does not store). */
export async function checkRate(db: Kysely<Database>, checks: readonly RateCheck[], now = Date.now()): Promise<RateDecision> {
	if (checks.length === 0) return { ok: true };
	const decision = rateDecision(checks, await hitWindows(db, rateWindows(checks), now), now);
	await pruneOldWindowsNowAndThen(db, 1, now);
	return decision;
}
