import { beforeEach, describe, expect, it } from 'vitest';
import { validateAnswers } from './answers';
import { competitorIssues, withCompetitorBlock, SCREENER_CODE } from './competitor-design';
import { usedBrands } from './competitors';
import { allItems, answerCodes, type SurveyDefinition } from './definition';
import { parseDefinitionJson } from './definition-schema';
import { keepShown } from './shown';
import { checkDesign } from './design-checks';
import { layoutOf } from '../stats/report/layout';
import { definitionFromSystem } from './from-system';
import { instantiateTemplate, systemTemplates } from './templates/index';
import { competitorTestDefinition as base } from './test-competitors';

beforeEach(() => {
	expect.hasAssertions();
});

const languages = ['zh-CN', 'en'] as const;
const codes = (definition: SurveyDefinition) => competitorIssues(definition, languages).map((i) => i.code.replace('designer.check.', ''));

describe('answer codes per brand', () => {
	it('are stable: item code @ brand code, perception for pairs, only brands for relative items', () => {
		expect(allItems(base).flatMap(answerCodes)).toEqual(['USED', 'RES1', 'RES1@bank-b', 'RES1@bank-c', 'REL1@bank-b', 'REL1@bank-c']);
		const pair = { code: 'TAN1', kind: 'pair', text: {}, expectationText: {}, perceptionText: {}, required: true, scale: { min: 1, max: 7 }, reversed: false, notApplicable: true, competitors: { mode: 'rated', brands: ['bank-b'] } } as const;
		expect(answerCodes(structuredClone(pair) as never)).toEqual(['TAN1_E', 'TAN1_P', 'TAN1_P@bank-b']);
	});

	it('never enter our own analysis columns', () => {
		expect(layoutOf(base, () => null).columns.map((c) => c.code)).toEqual(['RES1']);
	});

	it('survive the stored JSON shape', () => {
		expect(parseDefinitionJson(JSON.stringify(base))).toEqual(base);
	});
});

describe('design checks for competitors', () => {
	it('pass a sound design', () => {
		expect(codes(base)).toEqual([]);
	});

	it('refuse a competitor item with no competitor named', () => {
		expect(codes({ ...base, competitors: [], competitorScreener: undefined })).toEqual(['competitorItemWithoutCompetitor', 'competitorItemWithoutCompetitor']);
	});

	it('refuse a reused brand code, an unknown brand and more than five competitors', () => {
		const reused = { ...base, competitors: [...base.competitors!, { code: 'BANK-B', name: { en: 'B again', 'zh-CN': '乙' } }] };
		expect(codes(reused)).toContain('competitorCodeReused');
		const unknown = structuredClone(base);
		(unknown.sections[1].items[0] as { competitors: { brands: string[] } }).competitors.brands.push('bank-z');
		expect(codes(unknown)).toContain('unknownCompetitor');
		const many = { ...base, competitors: Array.from({ length: 6 }, (_, i) => ({ code: `b${i}`, name: { en: 'B', 'zh-CN': '乙' } })) };
		expect(codes(many)).toContain('tooManyCompetitors');
	});

	it('refuse a relative item that is not a 5- or 7-point Likert, a screener on the same page and a screener without every brand', () => {
		const wrong = structuredClone(base);
		(wrong.sections[1].items[1] as { scale: { max: number } }).scale.max = 10;
		expect(codes(wrong)).toEqual(['relativeScale']);
		const samePage = { ...base, sections: [{ ...base.sections[1], items: [...base.sections[0].items, ...base.sections[1].items] }] };
		expect(codes(samePage)).toEqual(['screenerAfterBrands', 'screenerAfterBrands']);
		const partial = structuredClone(base);
		(partial.sections[0].items[0] as { options: unknown[] }).options.pop();
		expect(codes(partial)).toEqual(['screenerMissingBrands']);
	});

	it('run inside the survey design check and need both names', () => {
		const nameless = { ...base, competitors: [{ code: 'bank-b', name: { en: 'Bank B' } }, base.competitors![1]] };
		const settings = { languages: [...languages], defaultLanguage: 'zh-CN' as const, title: { en: 'T', 'zh-CN': 'T' }, welcome: {}, thanks: {}, timeZone: 'Asia/Shanghai', randomizeItems: false, progressBar: true, duplicateGuard: 'none' as const };
		const found = checkDesign({ definition: nameless, settings, responseCount: 0, responseCap: null }).map((i) => i.code);
		expect(found).toEqual(['designer.check.competitorNameMissing']);
	});
});

describe('which brands a respondent rates', () => {
	it('follows the screener; without one, every brand', () => {
		expect(usedBrands(base, ['bank-c'])).toEqual(new Set(['bank-c']));
		expect(usedBrands(base, 'bank-b')).toEqual(new Set(['bank-b']));
		expect(usedBrands(base, undefined)).toEqual(new Set());
		expect(usedBrands({ ...base, competitorScreener: undefined }, undefined)).toBeNull();
	});

	it('accepts ratings and "don\'t know" for used brands, requires them like the item, and refuses a brand never used', () => {
		const ok = validateAnswers(base, { USED: ['bank-b'], RES1: '4', 'RES1@bank-b': 'na', 'REL1@bank-b': '2' });
		expect(ok).toEqual({ ok: true, answers: { USED: ['bank-b'], RES1: 4, 'RES1@bank-b': null, 'REL1@bank-b': 2 } });
		const missing = validateAnswers(base, { USED: ['bank-b'], RES1: '4' });
		expect(missing.ok ? {} : missing.errors).toEqual({ 'RES1@bank-b': { key: 'respond.error.required' } });
		const notUsed = validateAnswers(base, { USED: ['bank-b'], RES1: '4', 'RES1@bank-b': '3', 'RES1@bank-c': '5', 'REL1@bank-c': 'na' });
		expect(notUsed.ok ? {} : notUsed.errors).toEqual({ 'RES1@bank-c': { key: 'respond.error.brandNotUsed' }, 'REL1@bank-c': { key: 'respond.error.brandNotUsed' } });
		expect(validateAnswers(base, { RES1: '4', 'RES1@bank-b': '9' }).ok).toBe(false);
	});
});

describe('the competitor block', () => {
	const competitors = [
		{ code: 'bank-b', name: { en: 'Bank B', 'zh-CN': '乙银行' } },
		{ code: 'bank-c', name: { en: 'Bank C', 'zh-CN': '丙银行' } }
	];
	it.each(['servqual', 'ccsi'] as const)('turns a %s questionnaire into a sound competitor design in one step', (id) => {
		let n = 0;
		const { nodes } = instantiateTemplate(systemTemplates[id], () => `id${n++}`);
		const definition = withCompetitorBlock(definitionFromSystem(nodes, { template: id }), competitors);
		expect(codes(definition)).toEqual([]);
		expect(definition.sections[0].items.map((i) => i.code)).toEqual([SCREENER_CODE]);
		const rated = allItems(definition).filter((i) => 'competitors' in i && i.competitors);
		expect(rated.length).toBe(allItems(definition).length - 1);
		expect(withCompetitorBlock(definition, competitors).sections.length).toBe(definition.sections.length);
	});
});

describe('answers carried from page to page', () => {
	it('drop ratings of a brand the respondent no longer says they use', () => {
		const answers = { USED: 'bank-c', RES1: '4', 'RES1@bank-b': '3', 'RES1@bank-c': '2' };
		expect(keepShown(base, answers, null)).toEqual({ USED: 'bank-c', RES1: '4', 'RES1@bank-c': '2' });
		const plain = { ...base, competitorScreener: undefined };
		expect(keepShown(plain, answers, null)).toBe(answers);
	});
});
