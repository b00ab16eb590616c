// Quotas per answer option: set through the service (audited, counting what is already stored),
// enforced by a guarded counter in the storing transaction — exactly k of many simultaneous posts
// for a quota of k, on each engine, and on PostgreSQL from two independent database handles too.
import { sql, type Kysely } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { openQuestionnaire } from '../../src/lib/server/collection/questionnaire';
import { submitRateChecks } from '../../src/lib/server/collection/rate-limit';
import { submitResponse, type SubmissionInput } from '../../src/lib/server/collection/submit';
import { submitTarget } from '../../src/lib/server/collection/survey-cache';
import { createResponse, surveyDetail } from '../../src/lib/server/data/api-operations';
import { createDb } from '../../src/lib/server/db/create-db';
import type { Database } from '../../src/lib/server/db/schema';
import { saveQuotas, type QuotaSetting } from '../../src/lib/server/design/quotas';
import { insertChannel } from '../../src/lib/server/repo/channels';
import { insertInvitations } from '../../src/lib/server/repo/invitations';
import { listQuotas } from '../../src/lib/server/repo/quotas';
import { findSurveyById, type Survey } from '../../src/lib/server/repo/surveys';
import { createDataSurvey, importText } from './data-fixtures';
import { engines, useTestDb } from './databases';

beforeEach(() => {
	expect.hasAssertions();
});

const branch = (limits: Record<string, number>): QuotaSetting => ({
	source: { kind: 'item', code: 'BR' },
	limits: Object.entries(limits).map(([option, limit]) => ({ option, limit }))
});
const answersIn = (br: string) => ({ Q1: '4', Q2: '5', BR: br });

describe.each(engines)('quotas on %s', (engine) => {
	const t = useTestDb(engine);
	const actorOf = (survey: Survey) => ({ id: survey.ownerId, email: 'owner@example.com', role: 'researcher' as const });

	/** A survey with the BR (branch) single-choice item and these quotas, read again after setting them. */
	async function surveyWithQuotas(setting: QuotaSetting, db: Kysely<Database> = t.db): Promise<Survey> {
		const survey = await createDataSurvey(db);
		const saved = await saveQuotas(db, actorOf(survey), survey.id, setting);
		expect(saved.ok).toBe(true);
		return (await findSurveyById(db, survey.id))!;
	}
	const submit = (survey: Survey, br: string, extra: Partial<SubmissionInput> = {}, db: Kysely<Database> = t.db) =>
		submitResponse(db, { survey, raw: answersIn(br), source: 'web', ...extra });
	const storedIn = async (surveyId: string) =>
		(await t.db.selectFrom('responses').select('answers').where('survey_id', '=', surveyId).execute()).map((r) => (JSON.parse(r.answers) as { BR?: string }).BR);
	const fills = async (surveyId: string) => Object.fromEntries((await listQuotas(t.db, surveyId)).map((q) => [q.option, [q.filled, q.limit]]));

	it('refuses a post whose group is full, stores nothing for it, and keeps other groups open', async () => {
		const survey = await surveyWithQuotas(branch({ north: 1 }));
		expect(await submit(survey, 'north')).toMatchObject({ ok: true });
		expect(await submit(survey, 'north')).toEqual({ ok: false, reason: 'quotaFull' });
		expect(await submit(survey, 'south')).toMatchObject({ ok: true });
		expect(await storedIn(survey.id)).toEqual(['north', 'south']);
		expect((await findSurveyById(t.db, survey.id))!.responseCount).toBe(2);
		expect(await fills(survey.id)).toEqual({ north: [1, 1] });
	});

	it('answers an API submission for a full group with 409 quotaFull, and lists the quotas with the survey', async () => {
		const survey = await surveyWithQuotas(branch({ south: 0 }));
		await expect(createResponse(t.db, survey, { answers: { Q1: 4, Q2: 5, BR: 'south' } })).rejects.toMatchObject({ status: 409, code: 'quotaFull' });
		expect(await createResponse(t.db, survey, { answers: { Q1: 4, Q2: 5, BR: 'north' } })).toMatchObject({ answers: { BR: 'north' } });
		expect((await surveyDetail(t.db, { ...survey, access: 'owner' })).quotas).toEqual([{ source: 'item:BR', option: 'south', limit: 0, filled: 0 }]);
	});

	it('stores exactly k of many simultaneous posts for a quota of k', async () => {
		const survey = await surveyWithQuotas(branch({ north: 7, south: 100 }));
		const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => submit(survey, i % 5 === 0 ? 'south' : 'north')));
		expect(outcomes.filter((o) => o.ok)).toHaveLength(7 + 6);
		expect(outcomes.filter((o) => !o.ok).every((o) => !o.ok && o.reason === 'quotaFull')).toBe(true);
		expect((await storedIn(survey.id)).filter((br) => br === 'north')).toHaveLength(7);
		expect(await fills(survey.id)).toEqual({ north: [7, 7], south: [6, 100] });
		expect((await findSurveyById(t.db, survey.id))!.responseCount).toBe(13);
	});

	it.runIf(engine === 'postgres')('stores exactly k when two independent handles (two app processes) post at once', async () => {
		const { rows } = await sql<{ search_path: string }>`show search_path`.execute(t.db);
		const second = createDb(process.env.TEST_PG_URL, { searchPath: rows[0].search_path }).db;
		try {
			const survey = await surveyWithQuotas(branch({ north: 9 }));
			const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => submit(survey, 'north', {}, i % 2 === 0 ? t.db : second)));
			expect(outcomes.filter((o) => o.ok)).toHaveLength(9);
			expect(await storedIn(survey.id)).toHaveLength(9);
			expect(await fills(survey.id)).toEqual({ north: [9, 9] });
		} finally {
			await second.destroy();
		}
	});

	it('counts channel quotas by the link a response came through', async () => {
		const survey = await createDataSurvey(t.db);
		await insertChannel(t.db, survey.id, { code: 'branch-12', name: { 'zh-CN': '第 12 支行', en: 'Branch 12' } });
		expect((await saveQuotas(t.db, actorOf(survey), survey.id, { source: { kind: 'channel', code: '' }, limits: [{ option: 'branch-12', limit: 2 }] })).ok).toBe(true);
		const fresh = (await findSurveyById(t.db, survey.id))!;
		const outcomes = await Promise.all(Array.from({ length: 5 }, () => submit(fresh, 'north', { channelCode: 'branch-12' })));
		expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
		expect(await submit(fresh, 'north')).toMatchObject({ ok: true });
		expect(await fills(survey.id)).toEqual({ 'branch-12': [2, 2] });
		// The full channel's link says so before the questionnaire; the public link still opens it.
		const open = (channel: string | null) => openQuestionnaire(t.db, fresh, { token: null, channel, respondentKey: null });
		expect(await open('branch-12')).toMatchObject({ available: false, reason: 'quotaFull' });
		expect(await open(null)).toMatchObject({ available: true });
	});

	it('takes a refused response back out of its groups (a second post from one browser)', async () => {
		const survey = await createOpenSurveyWithGuard();
		const outcomes = await Promise.all(Array.from({ length: 6 }, () => submit(survey, 'north', { respondentKey: 'same-browser' })));
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		expect(await fills(survey.id)).toEqual({ north: [1, 5] });
	});

	async function createOpenSurveyWithGuard(): Promise<Survey> {
		const survey = await surveyWithQuotas(branch({ north: 5 }));
		await t.db.updateTable('surveys').set({ settings: JSON.stringify({ ...survey.settings, duplicateGuard: 'cookie' }) }).where('id', '=', survey.id).execute();
		return (await findSurveyById(t.db, survey.id))!;
	}

	it('leaves the invitation unused and counts the rate limit when the group is full', async () => {
		const survey = await surveyWithQuotas(branch({ north: 0 }));
		const [invitation] = await insertInvitations(t.db, survey.id, [null], { batch: 'b', channelCode: null });
		const rate = submitRateChecks({ perClient: { max: 2, windowMs: 60_000 }, perSurvey: { max: 0, windowMs: 60_000 } }, survey.id, 'client-a');
		expect(await submit(survey, 'north', { invitationToken: invitation.token, rate })).toEqual({ ok: false, reason: 'quotaFull' });
		expect(await submit(survey, 'north', { rate })).toEqual({ ok: false, reason: 'quotaFull' });
		expect(await submit(survey, 'south', { rate })).toMatchObject({ ok: false, reason: 'tooMany' });
		expect(await submit(survey, 'south', { invitationToken: invitation.token })).toMatchObject({ ok: true });
	});

	it('sets quotas from what is stored, moves the edit stamp, audits, and refuses unknown groups', async () => {
		const survey = await createDataSurvey(t.db);
		for (const br of ['north', 'north', 'south']) expect(await submit(survey, br)).toMatchObject({ ok: true });
		const remembered = await submitTarget(t.db, survey.code);
		const saved = await saveQuotas(t.db, actorOf(survey), survey.id, branch({ north: 2, south: 10 }));
		expect(saved.ok && saved.value.options.map((o) => [o.code, o.filled, o.limit])).toEqual([
			['north', 2, 2],
			['south', 1, 10]
		]);
		// A copy of the survey remembered before the quotas were set cannot store past them.
		expect(await submit(remembered!.survey as Survey, 'north', { quotas: remembered!.quotas })).toEqual({ ok: false, reason: 'surveyChanged' });
		const fresh = (await submitTarget(t.db, survey.code, { fresh: true }))!;
		expect(await submit(fresh.survey as Survey, 'north', { quotas: fresh.quotas })).toEqual({ ok: false, reason: 'quotaFull' });
		const audit = await t.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'survey.quotas-changed').where('target', '=', survey.id).execute();
		expect(audit.map((a) => JSON.parse(a.detail!))).toEqual([{ source: 'item:BR', limits: 'north=2, south=10' }]);
		expect(await saveQuotas(t.db, actorOf(survey), survey.id, branch({ east: 3 }))).toEqual({ ok: false, reason: 'quotas.optionUnknown' });
		expect(await saveQuotas(t.db, actorOf(survey), survey.id, { source: { kind: 'item', code: 'Q1' }, limits: [] })).toEqual({ ok: false, reason: 'quotas.sourceUnknown' });
		expect((await saveQuotas(t.db, actorOf(survey), survey.id, branch({}))).ok).toBe(true);
		expect(await listQuotas(t.db, survey.id)).toEqual([]);
	});

	it('counts imported responses without refusing them, so web posts stop at the limit', async () => {
		const survey = await surveyWithQuotas(branch({ north: 3 }));
		expect(await submit(survey, 'north')).toMatchObject({ ok: true });
		const csv = ['Q1,Q2,BR', '4,5,north', '3,2,north', '5,5,north', '2,3,south'].join('\n');
		expect(await importText(t.db, survey, csv)).toMatchObject({ ok: true, rows: 4 });
		expect(await fills(survey.id)).toEqual({ north: [4, 3] });
		expect(await submit(survey, 'north')).toEqual({ ok: false, reason: 'quotaFull' });
	});
});
