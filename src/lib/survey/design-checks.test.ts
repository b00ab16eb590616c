import { beforeEach, describe, expect, it } from 'vitest';
import type { Item, SurveyDefinition, SurveySettings } from './definition';
import { checkDesign, type DesignInput } from './design-checks';
import type { IndicatorNode } from './indicator-tree';

beforeEach(() => {
	expect.hasAssertions();
});

const settings: SurveySettings = {
	languages: ['zh-CN', 'en'],
	defaultLanguage: 'zh-CN',
	title: { en: 'Survey', 'zh-CN': '问卷' },
	welcome: {},
	thanks: {},
	timeZone: 'Asia/Shanghai',
	randomizeItems: false,
	progressBar: true,
	duplicateGuard: 'none'
};
const likert = (code: string, max = 5, indicator?: string): Item => ({
	code,
	kind: 'likert',
	text: { en: 'Good', 'zh-CN': '好' },
	required: true,
	indicator,
	scale: { min: 1, max },
	reversed: false,
	notApplicable: false
});
const definition = (...items: Item[]): SurveyDefinition => ({ sections: [{ code: 'S1', title: { en: 'S', 'zh-CN': '节' }, items }] });
const node = (id: string, parentId: string | null, modelRole: IndicatorNode['modelRole'] = null): IndicatorNode => ({
	id,
	parentId,
	code: id.toUpperCase(),
	nameZh: id,
	nameEn: id,
	description: '',
	position: 0,
	modelRole,
	weights: {}
});
const check = (input: Partial<DesignInput>) =>
	checkDesign({ definition: definition(likert('Q1')), settings, responseCount: 0, responseCap: null, ...input }).map((i) => ({ code: i.code, ...i.params }));

describe('design checks', () => {
	it('passes a complete survey', () => {
		expect(check({})).toEqual([]);
	});

	it('finds a Likert item with fewer than 3 points, and one with more than 11', () => {
		expect(check({ definition: definition(likert('Q1', 2), likert('Q2', 12)) })).toEqual([
			{ code: 'designer.check.tooFewPoints', item: 'Q1', points: 2 },
			{ code: 'designer.check.tooManyPoints', item: 'Q2', points: 12 }
		]);
	});

	it('finds an item without text in a declared language, naming the language', () => {
		const item = { ...likert('Q1'), text: { 'zh-CN': '好' } };
		expect(check({ definition: definition(item) })).toEqual([{ code: 'designer.check.missingText', item: 'Q1', language: 'en' }]);
		expect(check({ definition: definition(item), settings: { ...settings, languages: ['zh-CN'] } })).toEqual([]);
	});

	it('finds duplicate codes, including a pair whose answer codes collide', () => {
		const pair: Item = { ...likert('Q'), kind: 'pair', expectationText: { en: 'E', 'zh-CN': '期' }, perceptionText: { en: 'P', 'zh-CN': '感' } } as Item;
		const same = checkDesign({ definition: definition(likert('Q1'), likert('q1')), settings, responseCount: 0, responseCap: null });
		expect(same.map((i) => [i.code, i.params.code])).toEqual([['designer.check.duplicateCode', 'Q1']]);
		const issues = checkDesign({ definition: definition(pair, likert('Q_E')), settings, responseCount: 0, responseCap: null });
		expect(issues.map((i) => [i.code, i.params.code])).toEqual([['designer.check.duplicateCode', 'Q_E']]);
	});

	it('finds leaf indicators without an item and latent variables without an indicator', () => {
		const nodes = [node('d1', null), node('l1', 'd1'), node('l2', 'd1'), node('sat', null, 'satisfaction')];
		const issues = checkDesign({ definition: definition(likert('Q1', 5, 'L1')), settings, nodes, responseCount: 0, responseCap: null });
		expect(issues.map((i) => [i.code, i.params.code])).toEqual([
			['designer.check.leafWithoutItem', 'L2'],
			['designer.check.latentWithoutIndicator', 'SAT']
		]);
	});

	it('finds a cap below the responses already in', () => {
		expect(check({ responseCount: 120, responseCap: 100 })).toEqual([{ code: 'designer.check.capBelowResponses', cap: 100, count: 120 }]);
		expect(check({ responseCount: 100, responseCap: 100 })).toEqual([]);
	});

	it('finds an empty survey, missing titles and half-translated welcome texts', () => {
		const issues = checkDesign({
			definition: { sections: [] },
			settings: { ...settings, title: { en: 'Only English' }, welcome: { en: 'Hello' } },
			responseCount: 0,
			responseCap: null
		});
		expect(issues.map((i) => [i.code, i.params.language])).toEqual([
			['designer.check.empty', undefined],
			['designer.check.missingTitle', 'zh-CN'],
			['designer.check.welcomeMissing', 'zh-CN']
		]);
	});
});
