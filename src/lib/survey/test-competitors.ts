// A small questionnaire with competitors for the tests: a screener first, then a Likert item rated
// for us and two banks, and a 5-point "compared with {competitor}" item.
import type { SurveyDefinition } from './definition';

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });

export const competitorTestDefinition: SurveyDefinition = {
	competitors: [
		{ code: 'bank-b', name: t('Bank B', '乙银行') },
		{ code: 'bank-c', name: t('Bank C', '丙银行') }
	],
	competitorScreener: 'USED',
	sections: [
		{
			code: 'S1',
			title: t('Banks you use', '您使用的银行'),
			items: [
				{ code: 'USED', kind: 'multiple', text: t('Used in the last 12 months', '过去 12 个月使用过'), required: false, options: [{ code: 'bank-b', label: t('Bank B', '乙银行') }, { code: 'bank-c', label: t('Bank C', '丙银行') }] }
			]
		},
		{
			code: 'S2',
			title: t('Service', '服务'),
			items: [
				{ code: 'RES1', kind: 'likert', text: t('Prompt service', '服务及时'), required: true, indicator: 'RES', scale: { min: 1, max: 5 }, reversed: false, notApplicable: false, competitors: { mode: 'rated', brands: ['bank-b', 'bank-c'] } },
				{ code: 'REL1', kind: 'likert', text: t('Compared with {competitor}, we are', '与{competitor}相比，我们'), required: false, scale: { min: 1, max: 5, endLabels: { min: t('Much worse', '差得多'), max: t('Much better', '好得多') } }, reversed: false, notApplicable: false, competitors: { mode: 'relative', brands: ['bank-b', 'bank-c'] } }
			]
		}
	]
};
