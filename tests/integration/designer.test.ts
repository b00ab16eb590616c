import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { listAudit } from '../../src/lib/server/repo/audit';
import { findVersion, listAccessibleSurveys, listShares, listVersions, surveyAccess, findSurveyById, type Survey } from '../../src/lib/server/repo/surveys';
import { listNodes, listPaths, listSystems } from '../../src/lib/server/repo/systems';
import { insertUser, type User } from '../../src/lib/server/repo/users';
import {
	addModelPath,
	addNode,
	createSystem,
	duplicateSystem,
	moveTreeNode,
	removeNode,
	saveDirectPoints,
	systemForUser,
	updateNode
} from '../../src/lib/server/design/systems';
import { createSurvey, publishDraft, saveDraft, saveSettings, setSurveyStatus } from '../../src/lib/server/design/surveys';
import { publishPlanFor } from '../../src/lib/server/design/publish';
import { shareSurvey, unshareSurvey } from '../../src/lib/server/design/shares';
import { flattenTree } from '../../src/lib/survey/indicator-tree';
import { engines, useTestDb } from './databases';

async function addResponse(db: Kysely<Database>, survey: Survey, versionId: string): Promise<void> {
	await db
		.insertInto('responses')
		.values({ id: crypto.randomUUID(), survey_id: survey.id, version_id: versionId, language: 'en', channel_code: null, invitation_id: null, respondent_key: null, source: 'web', started_at: null, submitted_at: Date.now(), duration_ms: null, answers: '{}', counted: 0 })
		.execute();
	await db.updateTable('surveys').set((eb) => ({ response_count: eb('response_count', '+', 1) })).where('id', '=', survey.id).execute();
}

describe.each(engines)('designer on %s', (engine) => {
	const t = useTestDb(engine);
	let owner: User;
	let other: User;
	let viewer: User;
	beforeAll(async () => {
		owner = await insertUser(t.db, { email: 'rita@example.com', name: 'Rita', passwordHash: 'x', role: 'researcher' });
		other = await insertUser(t.db, { email: 'otto@example.com', name: 'Otto', passwordHash: 'x', role: 'researcher' });
		viewer = await insertUser(t.db, { email: 'vera@example.com', name: 'Vera', passwordHash: 'x', role: 'viewer' });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	it('creates a SERVQUAL system from the template, visible only to its owner', async () => {
		const system = await createSystem(t.db, owner, { nameZh: '银行服务质量', nameEn: 'Bank service quality', template: 'servqual' });
		const nodes = await listNodes(t.db, system.id);
		expect(nodes).toHaveLength(27);
		expect(flattenTree(nodes).filter((e) => e.depth === 1).map((e) => e.node.code)).toEqual(['TAN', 'REL', 'RES', 'ASS', 'EMP']);
		expect((await listSystems(t.db, owner)).map((s) => s.id)).toContain(system.id);
		expect((await listSystems(t.db, other)).map((s) => s.id)).not.toContain(system.id);
		expect(await systemForUser(t.db, other, system.id)).toBeUndefined();
	});

	it('edits a tree: adds, refuses a duplicate code, moves, stores direct weights, deletes a subtree', async () => {
		const system = await createSystem(t.db, owner, { nameZh: '体系', nameEn: 'System' });
		expect(await addNode(t.db, owner, system.id, null, { code: 'D1', nameZh: '维度一', nameEn: 'One', description: '', modelRole: null })).toMatchObject({ ok: true });
		expect(await addNode(t.db, owner, system.id, null, { code: 'D2', nameZh: '维度二', nameEn: 'Two', description: '', modelRole: null })).toMatchObject({ ok: true });
		expect(await addNode(t.db, owner, system.id, null, { code: 'd1', nameZh: 'x', nameEn: 'x', description: '', modelRole: null })).toEqual({ ok: false, reason: 'systems.codeTaken' });
		let nodes = await listNodes(t.db, system.id);
		const [d1, d2] = flattenTree(nodes).map((e) => e.node);
		await addNode(t.db, owner, system.id, d1.id, { code: 'I1', nameZh: '指标', nameEn: 'Indicator', description: '', modelRole: null });
		expect(await moveTreeNode(t.db, owner, system.id, d2.id, 'up')).toMatchObject({ ok: true });
		expect(await moveTreeNode(t.db, owner, system.id, d1.id, { parentId: (await listNodes(t.db, system.id)).find((n) => n.code === 'I1')!.id, position: 0 })).toEqual({ ok: false, reason: 'systems.moveInvalid' });
		nodes = await listNodes(t.db, system.id);
		expect(flattenTree(nodes).map((e) => `${e.node.code}@${e.depth}`)).toEqual(['D2@1', 'D1@1', 'I1@2']);
		expect(await saveDirectPoints(t.db, owner, system.id, null, { [d1.id]: 60, [d2.id]: 40 })).toMatchObject({ ok: true });
		expect(await saveDirectPoints(t.db, owner, system.id, null, { [d1.id]: 0, [d2.id]: 0 })).toEqual({ ok: false, reason: 'stats.zeroTotalWeight' });
		nodes = await listNodes(t.db, system.id);
		expect(nodes.find((n) => n.id === d1.id)?.weights).toEqual({ direct: 0.6 });
		expect(await updateNode(t.db, owner, system.id, d2.id, { code: 'D2', nameZh: '维度二', nameEn: 'Second', description: 'd', modelRole: 'quality' })).toMatchObject({ ok: true });
		expect(await removeNode(t.db, owner, system.id, d1.id)).toMatchObject({ ok: true });
		expect((await listNodes(t.db, system.id)).map((n) => [n.code, n.position, n.nameEn])).toEqual([['D2', 0, 'Second']]);
		const audit = await listAudit(t.db, { limit: 50 });
		expect(audit.filter((e) => e.target === system.id && e.action === 'system.changed').length).toBe(7);
	});

	it('gives one of two editors adding the same code at once the node, and the other a message', async () => {
		const system = await createSystem(t.db, owner, { nameZh: '体系', nameEn: 'System' });
		const add = () => addNode(t.db, owner, system.id, null, { code: 'SAME', nameZh: '同码', nameEn: 'Same', description: '', modelRole: null });
		const outcomes = await Promise.all(Array.from({ length: 6 }, add));
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		for (const refused of outcomes.filter((o) => !o.ok)) expect(refused).toEqual({ ok: false, reason: 'systems.codeTaken' });
		expect((await listNodes(t.db, system.id)).filter((n) => n.code === 'SAME')).toHaveLength(1);
	});

	it('keeps structural-model paths acyclic and duplicates a system with its paths', async () => {
		const system = await createSystem(t.db, owner, { nameZh: 'ECSI', nameEn: 'ECSI', template: 'ecsi' });
		const nodes = await listNodes(t.db, system.id);
		const byCode = (code: string) => nodes.find((n) => n.code === code)!.id;
		expect(await listPaths(t.db, system.id)).toHaveLength(12);
		expect(await addModelPath(t.db, owner, system.id, { fromId: byCode('LOY'), toId: byCode('IMG') })).toEqual({ ok: false, reason: 'systems.pathCycle' });
		const copy = await duplicateSystem(t.db, other, system);
		expect(copy.ownerId).toBe(other.id);
		expect(await listNodes(t.db, copy.id)).toHaveLength(nodes.length);
		expect(await listPaths(t.db, copy.id)).toHaveLength(12);
	});

	it('creates a survey from a template, saves drafts and refuses a stale save', async () => {
		const created = await createSurvey(t.db, owner, { title: { en: 'Branch service', 'zh-CN': '网点服务' }, languages: ['zh-CN', 'en'], defaultLanguage: 'zh-CN', timeZone: 'Asia/Shanghai', source: { kind: 'template', template: 'servqual' } });
		expect(created.ok).toBe(true);
		const survey = created.ok ? created.value : (undefined as never);
		expect(survey.code).toMatch(/^[a-z2-7]{8}$/);
		expect(survey.draft.sections.flatMap((s) => s.items)).toHaveLength(22);
		expect(survey.systemId).not.toBeNull();
		const edited = structuredClone(survey.draft);
		edited.sections[0].items[0].text.en = 'Modern, well-kept equipment';
		const saved = await saveDraft(t.db, owner, survey.id, edited, survey.updatedAt);
		expect(saved.ok).toBe(true);
		expect(await saveDraft(t.db, owner, survey.id, survey.draft, survey.updatedAt)).toEqual({ ok: false, reason: 'designer.saveConflict' });
		expect((await findSurveyById(t.db, survey.id))?.draft.sections[0].items[0].text.en).toBe('Modern, well-kept equipment');
	});

	it('notes an editing session of autosaves in the audit log once per ten minutes, not per save', async () => {
		const created = await createSurvey(t.db, owner, { title: { en: 'Autosaved', 'zh-CN': '自动保存' }, languages: ['zh-CN', 'en'], defaultLanguage: 'en', timeZone: 'UTC', source: { kind: 'template', template: 'servqual' } });
		if (!created.ok) throw new Error(created.reason);
		const start = Date.now();
		let base = created.value.updatedAt;
		for (const [i, at] of [start, start + 5_000, start + 60_000, start + 11 * 60_000].entries()) {
			const draft = { ...created.value.draft, sections: created.value.draft.sections.map((section, s) => (s === 0 ? { ...section, title: { ...section.title, en: `Take ${i}` } } : section)) };
			const saved = await saveDraft(t.db, owner, created.value.id, draft, base, at);
			if (!saved.ok) throw new Error(saved.reason);
			base = saved.value;
		}
		const entries = await t.db.selectFrom('audit_log').select('at').where('action', '=', 'survey.draft-saved').where('target', '=', created.value.id).orderBy('at').execute();
		expect(entries.map((e) => Number(e.at))).toEqual([start, start + 11 * 60_000]);
	});

	it('publishes under the versioning rule: v1, replace, wording in place, new version for structure', async () => {
		const created = await createSurvey(t.db, owner, { title: { en: 'Model', 'zh-CN': '模型' }, languages: ['zh-CN', 'en'], defaultLanguage: 'en', timeZone: 'UTC', source: { kind: 'template', template: 'ccsi' } });
		let survey = created.ok ? created.value : (undefined as never);
		expect(await publishPlanFor(t.db, survey)).toMatchObject({ action: 'first', number: 1 });
		expect(await setSurveyStatus(t.db, owner, survey.id, 'open')).toMatchObject({ ok: true, value: { action: 'first', number: 1 } });
		survey = (await findSurveyById(t.db, survey.id))!;
		expect(survey.status).toBe('open');
		const v1 = survey.currentVersionId!;

		const edit = async (change: (d: Survey['draft']) => void) => {
			const draft = structuredClone(survey.draft);
			change(draft);
			await saveDraft(t.db, owner, survey.id, draft, null);
			survey = (await findSurveyById(t.db, survey.id))!;
		};
		await edit((d) => d.sections[0].items.pop());
		expect(await publishDraft(t.db, owner, survey.id)).toMatchObject({ ok: false, reason: 'designer.checksFailed' });
		await edit((d) => d.sections[0].items.push({ code: 'BI3', kind: 'likert', indicator: 'BI3', text: { en: 'I trust it', 'zh-CN': '我信任它' }, required: false, scale: { min: 1, max: 10 }, reversed: false, notApplicable: true }));
		expect(await publishDraft(t.db, owner, survey.id)).toMatchObject({ ok: true, value: { action: 'replace', number: 1 } });
		expect((await findVersion(t.db, v1))?.definition.sections[0].items[2].text.en).toBe('I trust it');

		await addResponse(t.db, survey, v1);
		await edit((d) => (d.sections[0].items[2].text.en = 'I trust this brand'));
		expect(await publishPlanFor(t.db, survey)).toMatchObject({ action: 'fixWording', number: 1 });
		expect(await publishDraft(t.db, owner, survey.id)).toMatchObject({ ok: true, value: { action: 'fixWording', number: 1 } });
		await edit((d) => (d.sections[0].items[2].required = true));
		expect(await publishPlanFor(t.db, survey)).toMatchObject({ action: 'newVersion', number: 2, change: { reasons: [{ code: 'requiredChanged', item: 'BI3' }] } });
		expect(await publishDraft(t.db, owner, survey.id)).toMatchObject({ ok: true, value: { action: 'newVersion', number: 2 } });
		const versions = await listVersions(t.db, survey.id);
		expect(versions.map((v) => v.number)).toEqual([1, 2]);
		expect((await findSurveyById(t.db, survey.id))?.currentVersionId).toBe(versions[1].id);
		expect(versions[0].definition.sections[0].items[2]).toMatchObject({ required: false, text: { en: 'I trust this brand' } });
	});

	it('refuses a cap below the responses in, and shares with edit and read access', async () => {
		const created = await createSurvey(t.db, owner, { title: { en: 'Blank' }, languages: ['en'], defaultLanguage: 'en', timeZone: 'UTC', source: { kind: 'blank' } });
		const survey = created.ok ? created.value : (undefined as never);
		await t.db.insertInto('survey_versions').values({ id: `v-${survey.id}`, survey_id: survey.id, number: 1, definition: '{"sections":[]}', created_at: 0 }).execute();
		await addResponse(t.db, survey, `v-${survey.id}`);
		await addResponse(t.db, survey, `v-${survey.id}`);
		const settings = { settings: survey.settings, opensAt: null, closesAt: null, accessMode: 'public' as const };
		expect(await saveSettings(t.db, owner, survey.id, { ...settings, responseCap: 1 })).toEqual({ ok: false, reason: 'surveys.capBelowResponses', params: { count: 2 } });
		expect(await saveSettings(t.db, owner, survey.id, { ...settings, responseCap: 2 })).toMatchObject({ ok: true });

		expect(await shareSurvey(t.db, owner, survey, 'OTTO@example.com', 'edit')).toMatchObject({ ok: true, value: { access: 'edit' } });
		expect(await shareSurvey(t.db, owner, survey, 'vera@example.com', 'edit')).toMatchObject({ ok: true, value: { access: 'view' } });
		expect(await shareSurvey(t.db, owner, survey, 'nobody@example.com', 'view')).toEqual({ ok: false, reason: 'surveys.shareUnknownUser' });
		expect(await shareSurvey(t.db, owner, survey, 'rita@example.com', 'view')).toEqual({ ok: false, reason: 'surveys.shareOwner' });
		expect(await surveyAccess(t.db, other, survey.id)).toBe('edit');
		expect(await surveyAccess(t.db, viewer, survey.id)).toBe('view');
		expect((await listShares(t.db, survey.id)).map((s) => [s.email, s.access])).toEqual([['otto@example.com', 'edit'], ['vera@example.com', 'view']]);
		expect((await listAccessibleSurveys(t.db, other)).map((s) => s.id)).toContain(survey.id);
		expect(await unshareSurvey(t.db, owner, survey, other.id)).toMatchObject({ ok: true });
		expect(await surveyAccess(t.db, other, survey.id)).toBeNull();
		const actions = (await listAudit(t.db, { limit: 100 })).filter((e) => e.target === survey.id).map((e) => e.action);
		expect(actions).toEqual(expect.arrayContaining(['survey.created', 'survey.settings-changed', 'survey.shared', 'survey.unshared']));
	});
});
