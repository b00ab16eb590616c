// Submission rate limits: fixed windows counted by atomic upserts, so concurrent connections (and
// processes sharing the database) never lose a hit.
import { beforeEach, describe, expect, it } from 'vitest';
import { checkRate, limitsFromEnv, parseLimit, submitRateChecks, type SubmitLimits } from '../../src/lib/server/collection/rate-limit';
import { submitResponse } from '../../src/lib/server/collection/submit';
import type { RawAnswers } from '../../src/lib/survey/answers';
import { createOpenSurvey, validAnswers } from './collection-fixtures';
import { hitWindow, hitWindows, pruneWindows } from '../../src/lib/server/repo/rate-limits';
import { engines, useTestDb } from './databases';

beforeEach(() => {
	expect.hasAssertions();
});

describe('limit settings', () => {
	it('parse "hits/seconds", "0" as unlimited, and keep the default for nonsense', () => {
		const fallback = { max: 5, windowMs: 1000 };
		expect(parseLimit('30/60', fallback)).toEqual({ max: 30, windowMs: 60_000 });
		expect(parseLimit('0', fallback)).toEqual({ max: 0, windowMs: 1000 });
		expect(parseLimit('lots', fallback)).toBe(fallback);
		expect(parseLimit('3/0', fallback)).toBe(fallback);
		expect(limitsFromEnv({ SATINDEX_SUBMIT_LIMIT_CLIENT: '2/10' }).perClient).toEqual({ max: 2, windowMs: 10_000 });
	});
});

describe.each(engines)('rate limits on %s', (engine) => {
	const t = useTestDb(engine);
	const checkSubmitRate = (limits: SubmitLimits, surveyId: string, client: string, now: number) => checkRate(t.db, submitRateChecks(limits, surveyId, client), now);

	it('counts every concurrent hit exactly once', async () => {
		const now = 1_700_000_000_000;
		const results = (await Promise.all(Array.from({ length: 40 }, () => hitWindows(t.db, [{ key: 'k:concurrent', windowMs: 60_000 }], now)))).flat();
		expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
		expect(results[0].windowEnd).toBe(now - (now % 60_000) + 60_000);
	});

	it('counts a single key the same way', async () => {
		const now = 1_700_000_030_000;
		await hitWindow(t.db, 'k:single', 60_000, now);
		expect(await hitWindow(t.db, 'k:single', 60_000, now + 1)).toEqual({ hits: 2, windowEnd: now - (now % 60_000) + 60_000 });
	});

	it('starts a fresh count in the next window and prunes old ones', async () => {
		const start = 1_700_000_040_000;
		const hit = async (at: number) => (await hitWindows(t.db, [{ key: 'k:windows', windowMs: 10_000 }, { key: 'k:other', windowMs: 10_000 }], at))[0].hits;
		await hit(start);
		expect(await hit(start + 9_999)).toBe(2);
		expect(await hit(start + 10_000)).toBe(1);
		expect(await pruneWindows(t.db, start + 10_000)).toBeGreaterThanOrEqual(1);
	});

	it('refuses the client over its limit with the seconds to wait, and other clients still pass', async () => {
		const limits = { perClient: { max: 3, windowMs: 60_000 }, perSurvey: { max: 100, windowMs: 60_000 } };
		const now = 1_700_000_010_000;
		for (let i = 0; i < 3; i++) expect(await checkSubmitRate(limits, 's1', 'client-a', now)).toEqual({ ok: true });
		expect(await checkSubmitRate(limits, 's1', 'client-a', now)).toEqual({ ok: false, retryAfterS: 30 });
		expect(await checkSubmitRate(limits, 's1', 'client-b', now)).toEqual({ ok: true });
		expect(await checkSubmitRate(limits, 's2', 'client-a', now)).toEqual({ ok: true });
	});

	it('refuses everyone once the survey limit is reached, unless it is disabled', async () => {
		const limits = { perClient: { max: 0, windowMs: 60_000 }, perSurvey: { max: 5, windowMs: 60_000 } };
		const now = 1_700_000_020_000;
		const decisions = await Promise.all(Array.from({ length: 8 }, (_, i) => checkSubmitRate(limits, 'busy', `c${i}`, now)));
		expect(decisions.filter((d) => d.ok)).toHaveLength(5);
		const unlimited = { ...limits, perSurvey: { max: 0, windowMs: 60_000 } };
		expect(await checkSubmitRate(unlimited, 'busy', 'c9', now)).toEqual({ ok: true });
	});

	it('counts stored and refused posts alike, and stores no more than the limit lets through', async () => {
		const survey = await createOpenSurvey(t.db);
		const rate = submitRateChecks({ perClient: { max: 3, windowMs: 60_000 }, perSurvey: { max: 0, windowMs: 60_000 } }, survey.id, 'client-a');
		const submit = (raw: RawAnswers = validAnswers) => submitResponse(t.db, { survey, raw, source: 'web', rate });
		const outcomes = await Promise.all(Array.from({ length: 5 }, () => submit()));
		expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
		for (const refused of outcomes.filter((o) => !o.ok)) expect(refused).toMatchObject({ ok: false, reason: 'tooMany' });
		expect((await t.db.selectFrom('responses').select('id').where('survey_id', '=', survey.id).execute()).length).toBe(3);
		// An invalid post past the limit is told to wait, not what to fix.
		expect(await submit({ Q1: '9' })).toMatchObject({ ok: false, reason: 'tooMany' });
		const other = submitRateChecks({ perClient: { max: 3, windowMs: 60_000 }, perSurvey: { max: 0, windowMs: 60_000 } }, survey.id, 'client-b');
		expect(await submitResponse(t.db, { survey, raw: validAnswers, source: 'web', rate: other })).toMatchObject({ ok: true });
	});
});
