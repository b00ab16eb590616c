// Surveys for the collection tests, inserted as rows (the designer's repository functions are not
// needed to test storing responses).
import type { Kysely } from 'kysely';
import type { Database, SurveysTable } from '../../src/lib/server/db/schema';
import { randomToken } from '../../src/lib/server/ids';
import { insertUser } from '../../src/lib/server/repo/users';
import { findSurveyById, type Survey } from '../../src/lib/server/repo/surveys';
import type { SurveyDefinition, SurveySettings } from '../../src/lib/survey/definition';
import { insertOpenSurvey } from '../fixtures/survey-rows';

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });

export const collectionDefinition: SurveyDefinition = {
	sections: [
		{
			code: 'S1',
			title: t('Service', '服务'),
			items: [
				{ code: 'Q1', kind: 'likert', text: t('Staff were friendly', '员工很友好'), required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: true },
				{ code: 'Q2', kind: 'likert', text: t('Waiting time was short', '等候时间短'), required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false }
			]
		},
		{
			code: 'S2',
			title: t('About you', '关于您'),
			items: [
				{ code: 'NPS', kind: 'nps', text: t('Recommend us?', '您会推荐我们吗？'), required: false, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false },
				{ code: 'NOTE', kind: 'text', text: t('Anything else?', '其他意见'), required: false, maxLength: 500, multiline: true }
			]
		}
	]
};

export const collectionSettings: SurveySettings = {
	languages: ['zh-CN', 'en'],
	defaultLanguage: 'zh-CN',
	title: t('Branch service', '网点服务'),
	welcome: t('Thank you for taking two minutes.', '感谢您抽出两分钟。'),
	thanks: t('Your answers help us improve.', '您的回答将帮助我们改进。'),
	timeZone: 'Asia/Shanghai',
	randomizeItems: false,
	progressBar: true,
	duplicateGuard: 'none'
};

const owners = new WeakMap<Kysely<Database>, string>();

/** An open survey with one version; `changes` override columns, `settings` merge into the settings. */
export async function createOpenSurvey(
	db: Kysely<Database>,
	changes: Partial<SurveysTable> = {},
	settings: Partial<SurveySettings> = {},
	definition: SurveyDefinition = collectionDefinition
): Promise<Survey> {
	let ownerId = owners.get(db);
	if (!ownerId) {
		ownerId = (await insertUser(db, { email: `owner-${randomToken().slice(0, 8)}@example.com`, name: 'Owner', passwordHash: 'x', role: 'researcher' })).id;
		owners.set(db, ownerId);
	}
	const { id } = await insertOpenSurvey(db, {
		ownerId,
		code: randomToken().slice(0, 10),
		title: 'Branch service',
		settings: { ...collectionSettings, ...settings },
		definition,
		columns: changes
	});
	return (await findSurveyById(db, id))!;
}

export const validAnswers = { Q1: '4', Q2: '5', NPS: '9' };
