// A small questionnaire for the CSV tests: a labelled Likert with N/A, a reversed 7-point item,
// a single choice with "other", a multiple choice, a number and a text item; and what its
// survey accepts as metadata on 2026-12-02.
import type { SurveyDefinition } from '../survey/definition';
import type { MetadataRules } from '../survey/response-metadata';

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });

export const csvTestDefinition: SurveyDefinition = {
	sections: [
		{
			code: 'S',
			title: t('Service', '服务'),
			items: [
				{ code: 'Q1', kind: 'likert', text: t('Friendly', '友好'), required: true, scale: { min: 1, max: 5, labels: [t('Very poor', '很差'), t('Poor', '差'), t('Fair', '一般'), t('Good', '好'), t('Very good', '很好')] }, reversed: false, notApplicable: true },
				{ code: 'Q2', kind: 'likert', text: t('Waited long', '等待久'), required: true, scale: { min: 1, max: 7 }, reversed: true, notApplicable: false },
				{ code: 'BR', kind: 'single', text: t('Branch', '网点'), required: false, options: [{ code: 'north', label: t('North', '北区') }, { code: 'south', label: t('South', '南区') }], other: true },
				{ code: 'CH', kind: 'multiple', text: t('Channels', '渠道'), required: false, options: [{ code: 'app', label: t('App', '手机银行') }, { code: 'web', label: t('Web', '网银') }] },
				{ code: 'SPEND', kind: 'number', text: t('Spend', '消费'), required: false, min: 0, max: 1000, decimals: 1 },
				{ code: 'NOTE', kind: 'text', text: t('Note', '备注'), required: false, maxLength: 50, multiline: false }
			]
		}
	]
};

export const csvTestMetadata: MetadataRules = { now: Date.UTC(2026, 11, 2, 9), timeZone: 'Asia/Shanghai', languages: ['zh-CN', 'en'], channels: ['branch-1'] };

/**
 * A questionnaire with display conditions: NPS for everyone, the reason (with "other") for
 * detractors only, and a section on the wait for those who name waiting.
 */
export const csvConditionalDefinition: SurveyDefinition = {
	sections: [
		{
			code: 'ALL',
			title: t('Overall', '总体'),
			items: [
				{ code: 'NPS', kind: 'nps', text: t('Recommend', '推荐'), required: true, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false },
				{
					code: 'WHY',
					kind: 'single',
					text: t('Reason', '原因'),
					required: false,
					options: [{ code: 'wait', label: t('Waiting', '等候太久') }, { code: 'rude', label: t('Staff', '服务态度') }],
					other: true,
					showIf: { all: [{ item: 'NPS', op: 'npsGroup', group: 'detractor' }] }
				}
			]
		},
		{
			code: 'WAITING',
			title: t('Waiting', '等候'),
			showIf: { any: [{ item: 'WHY', op: 'equals', value: 'wait' }] },
			items: [{ code: 'MINUTES', kind: 'number', text: t('Minutes waited', '等候分钟数'), required: false, min: 0, max: 600, decimals: 0 }]
		}
	]
};
