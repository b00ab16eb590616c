// What the route walk needs to exist: an indicator system and an open survey owned by the
// researcher and shared read-only with the viewer (so "shared" and "not shared" both get tested).
import type { Kysely } from 'kysely';
import type { Database, Role } from '../../../src/lib/server/db/schema';
import type { SurveyDefinition, SurveySettings } from '../../../src/lib/survey/definition';
import { insertOpenSurvey } from '../../fixtures/survey-rows';

export interface RouteFixtures {
	surveyId: string;
	surveyCode: string;
	systemId: string;
	versionId: string;
	/** An AHP round (on its own two-dimension system, fixture-ahp-system) and one expert's link token. */
	ahpRoundId: string;
	ahpToken: string;
}

export const fixtureDefinition: SurveyDefinition = {
	sections: [
		{
			code: 'S1',
			title: { en: 'Service', 'zh-CN': '服务' },
			items: [
				{ code: 'Q1', kind: 'likert', text: { en: 'Staff were friendly', 'zh-CN': '员工很友好' }, required: true, indicator: 'D1', scale: { min: 1, max: 5 }, reversed: false, notApplicable: false }
			]
		}
	]
};

export const fixtureSettings: SurveySettings = {
	languages: ['zh-CN', 'en'],
	defaultLanguage: 'zh-CN',
	title: { en: 'Route walk survey', 'zh-CN': '路由测试问卷' },
	welcome: {},
	thanks: {},
	timeZone: 'Asia/Shanghai',
	randomizeItems: false,
	progressBar: true,
	duplicateGuard: 'none'
};

export async function seedRouteFixtures(db: Kysely<Database>, users: Record<Role, string>): Promise<RouteFixtures> {
	const now = Date.now();
	const ids: RouteFixtures = { surveyId: 'fixture-survey', surveyCode: 'walk', systemId: 'fixture-system', versionId: 'fixture-v1', ahpRoundId: 'fixture-ahp-round', ahpToken: 'fixture-ahp-expert' };
	await db
		.insertInto('indicator_systems')
		.values({ id: ids.systemId, owner_id: users.researcher, name_zh: '体系', name_en: 'System', description: '', template: null, archived: 0, created_at: now, updated_at: now })
		.execute();
	await db
		.insertInto('indicator_nodes')
		.values({ id: 'fixture-node', system_id: ids.systemId, parent_id: null, code: 'D1', name_zh: '维度', name_en: 'Dimension', description: '', position: 0, model_role: null, weights: '{}' })
		.execute();
	await insertOpenSurvey(db, {
		id: ids.surveyId,
		versionId: ids.versionId,
		ownerId: users.researcher,
		code: ids.surveyCode,
		title: 'Route walk survey',
		settings: fixtureSettings,
		definition: fixtureDefinition,
		columns: { system_id: ids.systemId }
	});
	await db.insertInto('survey_shares').values({ survey_id: ids.surveyId, user_id: users.viewer, access: 'view', created_at: now }).execute();
	await seedAhpFixtures(db, users.researcher, ids, now);
	return ids;
}

async function seedAhpFixtures(db: Kysely<Database>, ownerId: string, ids: RouteFixtures, now: number): Promise<void> {
	const systemId = 'fixture-ahp-system';
	await db
		.insertInto('indicator_systems')
		.values({ id: systemId, owner_id: ownerId, name_zh: 'AHP 体系', name_en: 'AHP system', description: '', template: null, archived: 0, created_at: now, updated_at: now })
		.execute();
	await db
		.insertInto('indicator_nodes')
		.values(['A', 'B'].map((code, position) => ({ id: `fixture-ahp-${code}`, system_id: systemId, parent_id: null, code, name_zh: `维度${code}`, name_en: `Dimension ${code}`, description: '', position, model_role: null, weights: '{}' })))
		.execute();
	await db.insertInto('ahp_rounds').values({ id: ids.ahpRoundId, system_id: systemId, owner_id: ownerId, title: 'Walk round', node_ids: '["root"]', deadline: null, status: 'open', created_at: now }).execute();
	await db.insertInto('ahp_experts').values({ id: ids.ahpToken, round_id: ids.ahpRoundId, label: 'Walker', email: null, created_at: now, submitted_at: null, excluded: 0 }).execute();
}
