// Surveys for the respondent e2e tests and screenshots: every item kind, in zh-CN and en.
import type { Kysely } from 'kysely';
import type { Database, SurveysTable } from '../../src/lib/server/db/schema';
import { randomToken } from '../../src/lib/server/ids';
import { insertUser } from '../../src/lib/server/repo/users';
import { insertOpenSurvey } from '../fixtures/survey-rows';
import type { SurveyDefinition, SurveySettings } from '../../src/lib/survey/definition';

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const agree = [t('Strongly disagree', '非常不同意'), t('Disagree', '不同意'), t('Neutral', '一般'), t('Agree', '同意'), t('Strongly agree', '非常同意')];

export const kitchenSink: SurveyDefinition = {
	sections: [
		{
			code: 'SVC',
			title: t('Our service', '我们的服务'),
			description: t('Think of your most recent visit.', '请回想您最近一次到访的情况。'),
			items: [
				{ code: 'Q1', kind: 'likert', text: t('Staff were friendly and polite.', '员工友好、有礼貌。'), required: true, scale: { min: 1, max: 5, labels: agree }, reversed: false, notApplicable: true },
				{ code: 'Q2', kind: 'likert', text: t('I was served without a long wait.', '我没有等候太久就得到了服务。'), required: true, scale: { min: 1, max: 5, labels: agree }, reversed: false, notApplicable: true },
				{ code: 'Q3', kind: 'likert', text: t('The branch was clean and tidy.', '网点干净整洁。'), required: true, scale: { min: 1, max: 5, labels: agree }, reversed: false, notApplicable: true },
				{
					code: 'T1',
					kind: 'pair',
					text: t('Modern equipment', '现代化的设备'),
					expectationText: t('An excellent bank has modern equipment.', '优秀的银行应当拥有现代化的设备。'),
					perceptionText: t('This bank has modern equipment.', '该银行拥有现代化的设备。'),
					required: true,
					scale: { min: 1, max: 7, endLabels: { min: t('Strongly disagree', '非常不同意'), max: t('Strongly agree', '非常同意') } },
					reversed: false,
					notApplicable: false
				}
			]
		},
		{
			code: 'LOY',
			title: t('Overall', '总体评价'),
			items: [
				{ code: 'SAT', kind: 'rating', text: t('Overall, how satisfied are you?', '总体而言，您对我们满意吗？'), required: true, scale: { min: 0, max: 10, endLabels: { min: t('Not at all', '完全不满意'), max: t('Completely', '非常满意') } }, reversed: false, notApplicable: false },
				{ code: 'NPS', kind: 'nps', text: t('How likely are you to recommend us to a friend?', '您向朋友推荐我们的可能性有多大？'), required: false, scale: { min: 0, max: 10, endLabels: { min: t('Not likely', '不太可能'), max: t('Very likely', '非常可能') } }, reversed: false, notApplicable: false },
				{ code: 'CH', kind: 'single', text: t('How did you hear about us?', '您是如何了解到我们的？'), required: false, options: [{ code: 'friend', label: t('A friend', '朋友介绍') }, { code: 'ad', label: t('An advert', '广告') }], other: true }
			]
		},
		{
			code: 'YOU',
			title: t('About you', '关于您'),
			items: [
				{ code: 'SPEND', kind: 'number', text: t('Monthly spend with us', '每月在我行的消费金额'), required: false, min: 0, max: 1000000, decimals: 2, unit: t('CNY', '元') },
				{ code: 'USE', kind: 'multiple', text: t('Which services do you use?', '您使用哪些服务？'), required: false, options: [{ code: 'app', label: t('Mobile app', '手机银行') }, { code: 'counter', label: t('Counter', '柜台') }, { code: 'atm', label: t('ATM', '自助设备') }] },
				{ code: 'NOTE', kind: 'text', text: t('Anything else you would like to tell us?', '您还有什么想告诉我们的吗？'), required: false, maxLength: 500, multiline: true }
			]
		}
	]
};

export const kitchenSettings: SurveySettings = {
	languages: ['zh-CN', 'en'],
	defaultLanguage: 'zh-CN',
	title: t('Branch service survey', '网点服务满意度调查'),
	welcome: t('Thank you for taking part. It takes about two minutes.', '感谢您参与本次调查，大约需要两分钟。'),
	thanks: t('Your answers help us serve you better.', '您的回答将帮助我们提供更好的服务。'),
	timeZone: 'Asia/Shanghai',
	randomizeItems: false,
	progressBar: true,
	duplicateGuard: 'none'
};

/** Inserts an open survey (with its owner) and returns its id and code. */
export async function seedSurvey(
	db: Kysely<Database>,
	options: { code: string; definition?: SurveyDefinition; settings?: Partial<SurveySettings>; columns?: Partial<SurveysTable> }
): Promise<{ id: string; code: string; versionId: string }> {
	const owner = await insertUser(db, { email: `owner-${randomToken().slice(0, 6)}@example.com`, name: 'Owner', passwordHash: 'x', role: 'researcher' });
	const { id, versionId } = await insertOpenSurvey(db, {
		ownerId: owner.id,
		code: options.code,
		title: 'Branch service survey',
		settings: { ...kitchenSettings, ...options.settings },
		definition: options.definition ?? kitchenSink,
		columns: options.columns
	});
	return { id, code: options.code, versionId };
}
