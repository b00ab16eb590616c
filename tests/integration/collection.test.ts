// Storing responses: validation, metadata, tokens, caps, closing, duplicates and races, on each engine.
import { beforeEach, describe, expect, it } from 'vitest';
import { submitResponse, type SubmissionInput } from '../../src/lib/server/collection/submit';
import { insertChannel } from '../../src/lib/server/repo/channels';
import { insertInvitations } from '../../src/lib/server/repo/invitations';
import { findSurveyById, updateSurvey, type Survey } from '../../src/lib/server/repo/surveys';
import { createOpenSurvey, validAnswers } from './collection-fixtures';
import { engines, useTestDb } from './databases';

beforeEach(() => {
	expect.hasAssertions();
});

describe.each(engines)('collecting responses on %s', (engine) => {
	const t = useTestDb(engine);
	const submit = (survey: Survey, extra: Partial<SubmissionInput> = {}) =>
		submitResponse(t.db, { survey, raw: validAnswers, language: 'en', source: 'web', ...extra });
	const stored = (surveyId: string) => t.db.selectFrom('responses').selectAll().where('survey_id', '=', surveyId).execute();
	const count = async (surveyId: string) => (await findSurveyById(t.db, surveyId))!.responseCount;

	it('stores a valid response with its metadata and counts it', async () => {
		const survey = await createOpenSurvey(t.db);
		await insertChannel(t.db, survey.id, { code: 'branch-12', name: { 'zh-CN': '第 12 支行', en: 'Branch 12' } });
		const now = Date.now();
		const outcome = await submit(survey, { channelCode: 'branch-12', startedAt: now - 95_000, now });
		expect(outcome).toMatchObject({ ok: true, answers: { Q1: 4, Q2: 5, NPS: 9 } });
		const [row] = await stored(survey.id);
		expect(row).toMatchObject({ version_id: survey.currentVersionId, language: 'en', channel_code: 'branch-12', source: 'web', started_at: now - 95_000, submitted_at: now, duration_ms: 95_000, invitation_id: null, respondent_key: null });
		expect(JSON.parse(row.answers)).toEqual({ Q1: 4, Q2: 5, NPS: 9 });
		expect(await count(survey.id)).toBe(1);
	});

	it('drops an unknown channel, a foreign language and an implausible start time', async () => {
		const survey = await createOpenSurvey(t.db);
		const outcome = await submit(survey, { channelCode: 'nope', language: 'fr', startedAt: Date.now() + 60_000 });
		expect(outcome.ok).toBe(true);
		const [row] = await stored(survey.id);
		expect(row).toMatchObject({ channel_code: null, language: 'zh-CN', started_at: null, duration_ms: null });
	});

	it('refuses invalid answers with per-code keys and stores nothing', async () => {
		const survey = await createOpenSurvey(t.db);
		const outcome = await submit(survey, { raw: { Q1: '9', NPS: '3' } });
		expect(outcome).toMatchObject({ ok: false, reason: 'invalid', errors: { Q1: { key: 'respond.error.outOfRange' }, Q2: { key: 'respond.error.required' } }, answers: { NPS: 3 } });
		expect(await stored(survey.id)).toHaveLength(0);
		expect(await count(survey.id)).toBe(0);
	});

	it.each([
		['a draft survey', { status: 'draft' as const }, 'notOpen'],
		['a closed survey', { status: 'closed' as const }, 'closed'],
		['a survey past its closing time', { closes_at: Date.now() - 1 }, 'closed'],
		['a survey not yet open', { opens_at: Date.now() + 3_600_000 }, 'notYetOpen'],
		['a full survey', { response_cap: 2, response_count: 2 }, 'full']
	])('refuses %s at commit time', async (_, changes, reason) => {
		const survey = await createOpenSurvey(t.db, changes);
		expect(await submit(survey)).toEqual({ ok: false, reason });
		expect(await stored(survey.id)).toHaveLength(0);
	});

	it('checks the window at the moment of commit, not when the page was opened', async () => {
		const survey = await createOpenSurvey(t.db);
		await t.db.updateTable('surveys').set({ closes_at: Date.now() - 1000 }).where('id', '=', survey.id).execute();
		expect(await submit(survey)).toEqual({ ok: false, reason: 'closed' });
	});

	it('refuses answers for a version that is no longer current', async () => {
		const survey = await createOpenSurvey(t.db);
		const newer = await createOpenSurvey(t.db);
		await t.db.updateTable('surveys').set({ current_version_id: newer.currentVersionId }).where('id', '=', survey.id).execute();
		await t.db.updateTable('survey_versions').set({ survey_id: survey.id, number: 2 }).where('id', '=', newer.currentVersionId).execute();
		expect(await submit(survey)).toEqual({ ok: false, reason: 'versionChanged' });
	});

	it('refuses a response judged on a survey edited since it was read, storing and counting nothing', async () => {
		const survey = await createOpenSurvey(t.db);
		await updateSurvey(t.db, survey.id, { title: 'Renamed' });
		expect(await submit(survey)).toEqual({ ok: false, reason: 'surveyChanged' });
		expect(await stored(survey.id)).toHaveLength(0);
		expect(await count(survey.id)).toBe(0);
		expect(await submit((await findSurveyById(t.db, survey.id))!)).toMatchObject({ ok: true });
	});

	it('moves the edit stamp forward even for two edits in one millisecond', async () => {
		const survey = await createOpenSurvey(t.db);
		const at = survey.updatedAt + 10;
		await updateSurvey(t.db, survey.id, { title: 'One' }, at);
		await updateSurvey(t.db, survey.id, { title: 'Two' }, at);
		expect((await findSurveyById(t.db, survey.id))!.updatedAt).toBe(at + 1);
	});

	it('stores concurrent submissions together yet judges each on its own', async () => {
		const survey = await createOpenSurvey(t.db);
		const outcomes = await Promise.all([
			submit(survey, { respondentKey: 'twice' }),
			submit(survey, { respondentKey: 'twice' }),
			submit(survey, { raw: { Q1: '9' } }),
			submit(survey, { respondentKey: 'once' }),
			submit(survey),
			submit(survey)
		]);
		expect(outcomes.map((o) => (o.ok ? 'ok' : o.reason)).sort()).toEqual(['duplicate', 'invalid', 'ok', 'ok', 'ok', 'ok']);
		const rows = await stored(survey.id);
		expect(rows).toHaveLength(4);
		expect(await count(survey.id)).toBe(4);
		// Ids sort by arrival, so the primary-key index grows at its end.
		expect(new Set(rows.map((r) => r.id)).size).toBe(4);
	});

	it('uses an invitation once, records its channel, and refuses it afterwards', async () => {
		const survey = await createOpenSurvey(t.db, { access_mode: 'invitation' });
		const [invitation] = await insertInvitations(t.db, survey.id, ['cust-1'], { batch: 'b1', channelCode: 'vip' });
		expect(await submit(survey)).toEqual({ ok: false, reason: 'invitationRequired' });
		expect(await submit(survey, { invitationToken: 'not-a-token' })).toEqual({ ok: false, reason: 'invitationInvalid' });
		expect(await submit(survey, { invitationToken: invitation.token, channelCode: 'other' })).toMatchObject({ ok: true });
		expect(await submit(survey, { invitationToken: invitation.token })).toEqual({ ok: false, reason: 'invitationUsed' });
		const rows = await stored(survey.id);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ invitation_id: invitation.token, channel_code: 'vip' });
		const used = await t.db.selectFrom('invitations').select('used_at').where('id', '=', invitation.token).executeTakeFirstOrThrow();
		expect(Number(used.used_at)).toBeGreaterThan(0);
	});

	it('refuses an invitation of another survey', async () => {
		const survey = await createOpenSurvey(t.db);
		const other = await createOpenSurvey(t.db);
		const [invitation] = await insertInvitations(t.db, other.id, [null], { batch: 'b', channelCode: null });
		expect(await submit(survey, { invitationToken: invitation.token })).toEqual({ ok: false, reason: 'invitationInvalid' });
	});

	it('refuses a second response from the same respondent key', async () => {
		const survey = await createOpenSurvey(t.db, {}, { duplicateGuard: 'cookie' });
		expect(await submit(survey, { respondentKey: 'key-a' })).toMatchObject({ ok: true });
		expect(await submit(survey, { respondentKey: 'key-a' })).toEqual({ ok: false, reason: 'duplicate' });
		expect(await submit(survey, { respondentKey: 'key-b' })).toMatchObject({ ok: true });
		expect(await count(survey.id)).toBe(2);
	});

	it('never overshoots the cap under concurrent submissions', async () => {
		const survey = await createOpenSurvey(t.db, { response_cap: 7 });
		const outcomes = await Promise.all(Array.from({ length: 25 }, () => submit(survey)));
		expect(outcomes.filter((o) => o.ok)).toHaveLength(7);
		expect(outcomes.filter((o) => !o.ok).every((o) => !o.ok && o.reason === 'full')).toBe(true);
		expect(await stored(survey.id)).toHaveLength(7);
		expect(await count(survey.id)).toBe(7);
	});

	it('accepts one of many concurrent uses of the same token', async () => {
		const survey = await createOpenSurvey(t.db, { access_mode: 'invitation' });
		const [invitation] = await insertInvitations(t.db, survey.id, [null], { batch: 'b', channelCode: null });
		const outcomes = await Promise.all(Array.from({ length: 12 }, () => submit(survey, { invitationToken: invitation.token })));
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		expect(outcomes.filter((o) => !o.ok && o.reason === 'invitationUsed')).toHaveLength(11);
		expect(await stored(survey.id)).toHaveLength(1);
		expect(await count(survey.id)).toBe(1);
	});

	it('accepts one of many concurrent submissions from the same browser', async () => {
		const survey = await createOpenSurvey(t.db, {}, { duplicateGuard: 'cookie' });
		const outcomes = await Promise.all(Array.from({ length: 10 }, () => submit(survey, { respondentKey: 'same-browser' })));
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		expect(await count(survey.id)).toBe(1);
	});
});
