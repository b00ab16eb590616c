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

		// A condition cannot be set on a missing item; deleting the item it tests strands it.
		const gone = `${first.items[0].code}_P`;
		expect(await saveDraft(t.db, owner, survey.id, { sections: [first, { ...second, showIf: { any: [{ item: 'GONE', op: 'answered' }] } }] }, null)).toMatchObject({
			ok: false,
			reason: 'designer.conditionInvalid',
			conditionErrors: { 'c1.0.item': 'designer.condition.itemNotEarlier' }
		});
		const deleted = structuredClone(survey.draft);
		deleted.sections[0].items.splice(0, 1);
		expect(await saveDraft(t.db, owner, survey.id, deleted, null)).toMatchObject({ ok: true });
		expect(await publishDraft(t.db, owner, survey.id)).toMatchObject({
			ok: false,
			reason: 'designer.checksFailed',
			issues: expect.arrayContaining([expect.objectContaining({ code: 'designer.check.conditionUnknownItem', params: { target: second.code, code: gone } })])
		});
		expect(await listVersions(t.db, survey.id)).toHaveLength(2);
	});

	it('makes conditions follow an item or option code renamed in the draft', async () => {
		const created = await createSurvey(t.db, owner, { title: { en: 'Branches' }, languages: ['en'], defaultLanguage: 'en', timeZone: 'UTC', source: { kind: 'blank' } });
		const survey = created.ok ? created.value : (undefined as never);
		const branch = { code: 'BR', kind: 'single' as const, text: { en: 'Branch' }, required: true, options: [{ code: 'N', label: { en: 'North' } }, { code: 'S', label: { en: 'South' } }] };
		const sat = { code: 'SAT', kind: 'likert' as const, text: { en: 'Satisfied?' }, required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false };
		const draft = (br: typeof branch, showIf: Condition) => ({ sections: [{ code: 'S1', title: {}, items: [br, { ...sat, showIf }] }] });
		expect(await saveDraft(t.db, owner, survey.id, draft(branch, { all: [{ item: 'BR', op: 'equals', value: 'S' }] }), null)).toMatchObject({ ok: true });

		const renamed = { ...branch, code: 'BRANCH', options: [branch.options[0], { ...branch.options[1], code: 'SOUTH' }] };
		expect(await saveDraft(t.db, owner, survey.id, draft(renamed, { all: [{ item: 'BR', op: 'equals', value: 'S' }] }), null)).toMatchObject({ ok: true });
		const saved = (await findSurveyById(t.db, survey.id))!;
		expect(saved.draft.sections[0].items.map((item) => [item.code, item.showIf ?? null])).toEqual([
			['BRANCH', null],
			['SAT', { all: [{ item: 'BRANCH', op: 'equals', value: 'SOUTH' }] }]
		]);
	});
});
