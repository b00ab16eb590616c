// Display conditions in the designer's services, on each engine: a condition change on a survey
// with responses makes a new version; a condition on a deleted item keeps the survey from publishing.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSurvey, publishDraft, saveDraft, setSurveyStatus } from '../../src/lib/server/design/surveys';
import { publishPlanFor } from '../../src/lib/server/design/publish';
import { findSurveyById, listVersions } from '../../src/lib/server/repo/surveys';
import { insertUser, type User } from '../../src/lib/server/repo/users';
import type { Condition } from '../../src/lib/survey/conditions';
import { engines, useTestDb } from './databases';

describe.each(engines)('designing display conditions on %s', (engine) => {
	const t = useTestDb(engine);
	let owner: User;
	beforeAll(async () => {
		owner = await insertUser(t.db, { email: 'rita@example.com', name: 'Rita', passwordHash: 'x', role: 'researcher' });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	it('makes a new version for a condition change once responses exist, and refuses a condition on a deleted item', async () => {
		const created = await createSurvey(t.db, owner, { title: { en: 'Bank', 'zh-CN': '银行' }, languages: ['zh-CN', 'en'], defaultLanguage: 'en', timeZone: 'UTC', source: { kind: 'template', template: 'servqual' } });
		let survey = created.ok ? created.value : (undefined as never);
		expect(await setSurveyStatus(t.db, owner, survey.id, 'open')).toMatchObject({ ok: true, value: { action: 'first', number: 1 } });
		survey = (await findSurveyById(t.db, survey.id))!;
		await t.db
			.insertInto('responses')
			.values({ id: crypto.randomUUID(), survey_id: survey.id, version_id: survey.currentVersionId!, language: 'en', channel_code: null, invitation_id: null, respondent_key: null, source: 'web', started_at: null, submitted_at: Date.now(), duration_ms: null, answers: '{}', counted: 0 })
			.execute();
		await t.db.updateTable('surveys').set({ response_count: 1 }).where('id', '=', survey.id).execute();
		const [first, second] = survey.draft.sections;
		const onFirst = (op: 'lte' | 'gte'): Condition => ({ all: [{ item: `${first.items[0].code}_P`, op, value: 3 }] });
		const withCondition = async (showIf: Condition) => {
			const draft = structuredClone(survey.draft);
			draft.sections[1].showIf = showIf;
			await saveDraft(t.db, owner, survey.id, draft, null);
			return (survey = (await findSurveyById(t.db, survey.id))!);
		};

		await withCondition(onFirst('lte'));
		expect(survey.draft.sections[1].showIf).toEqual(onFirst('lte'));
		expect(await publishPlanFor(t.db, survey)).toMatchObject({ action: 'newVersion', number: 2, change: { reasons: [{ code: 'conditionChanged', item: second.code }] } });
		expect(await publishDraft(t.db, owner, survey.id)).toMatchObject({ ok: true, value: { action: 'newVersion', number: 2 } });
		expect((await listVersions(t.db, survey.id)).map((v) => v.definition.sections[1].showIf ?? null)).toEqual([null, onFirst('lte')]);

		await withCondition({ any: [{ item: 'GONE', op: 'answered' }] });
		expect(await publishDraft(t.db, owner, survey.id)).toMatchObject({
			ok: false,
			reason: 'designer.checksFailed',
			issues: [{ code: 'designer.check.conditionUnknownItem', params: { target: second.code, code: 'GONE' } }]
		});
		expect(await listVersions(t.db, survey.id)).toHaveLength(2);
	});
});
