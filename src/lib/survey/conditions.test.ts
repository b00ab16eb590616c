import { beforeEach, describe, expect, it } from 'vitest';
import { catalogs } from '../i18n/catalogs';
import { translate } from '../i18n/translate';
import { describeCondition } from './condition-text';
import { evaluate, evaluateClause, hasConditions, shownAnswers, visibility, type Clause, type Condition } from './conditions';
import { parseDefinitionJson } from './definition-schema';
import type { Answers, Item, SurveyDefinition } from './definition';

beforeEach(() => {
	expect.hasAssertions();
});

const likert = (code: string, showIf?: Condition): Item => ({ code, kind: 'likert', text: { en: code }, required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: true, ...(showIf && { showIf }) });
const nps = (code: string): Item => ({ code, kind: 'nps', text: { en: code }, required: true, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false });
const branch: Item = {
	code: 'BR',
	kind: 'multiple',
	text: { en: 'Branch' },
	required: false,
	options: [
		{ code: 'N', label: { en: 'North', 'zh-CN': '北区' } },
		{ code: 'S', label: { en: 'South', 'zh-CN': '南区' } }
	],
	other: true
};

const answers: Answers = { Q1: 2, NA: null, BR: ['N'], NPS: 6, TXT: 'late' };

describe('evaluateClause', () => {
	const cases: [Clause, boolean][] = [
		[{ item: 'Q1', op: 'equals', value: 2 }, true],
		[{ item: 'Q1', op: 'equals', value: '2' }, true],
		[{ item: 'Q1', op: 'equals', value: 3 }, false],
		[{ item: 'Q1', op: 'oneOf', values: [1, 2] }, true],
		[{ item: 'Q1', op: 'oneOf', values: [4, 5] }, false],
		[{ item: 'Q1', op: 'not', value: 3 }, true],
		[{ item: 'Q1', op: 'not', value: 2 }, false],
		[{ item: 'MISSING', op: 'not', value: 2 }, false],
		[{ item: 'NA', op: 'not', value: 2 }, false],
		[{ item: 'Q1', op: 'lte', value: 2 }, true],
		[{ item: 'Q1', op: 'lte', value: 1 }, false],
		[{ item: 'Q1', op: 'gte', value: 2 }, true],
		[{ item: 'Q1', op: 'gte', value: 3 }, false],
		[{ item: 'NA', op: 'lte', value: 5 }, false],
		[{ item: 'TXT', op: 'gte', value: 0 }, false],
		[{ item: 'Q1', op: 'between', min: 1, max: 2 }, true],
		[{ item: 'Q1', op: 'between', min: 3, max: 5 }, false],
		[{ item: 'Q1', op: 'answered' }, true],
		[{ item: 'NA', op: 'answered' }, true],
		[{ item: 'MISSING', op: 'answered' }, false],
		[{ item: 'MISSING', op: 'notAnswered' }, true],
		[{ item: 'Q1', op: 'notAnswered' }, false],
		[{ item: 'BR', op: 'equals', value: 'N' }, true],
		[{ item: 'BR', op: 'not', value: 'N' }, false],
		[{ item: 'BR', op: 'not', value: 'S' }, true],
		[{ item: 'BR', op: 'oneOf', values: ['S', 'N'] }, true],
		[{ item: 'NPS', op: 'npsGroup', group: 'detractor' }, true],
		[{ item: 'NPS', op: 'npsGroup', group: 'passive' }, false],
		[{ item: 'MISSING', op: 'npsGroup', group: 'detractor' }, false]
	];
	it.each(cases)('%j → %s', (clause, expected) => {
		expect(evaluateClause(clause, answers)).toBe(expected);
	});

	it.each([
		[0, 'detractor'],
		[6, 'detractor'],
		[7, 'passive'],
		[8, 'passive'],
		[9, 'promoter'],
		[10, 'promoter']
	] as const)('an NPS answer of %i is a %s', (score, group) => {
		expect(evaluateClause({ item: 'NPS', op: 'npsGroup', group }, { NPS: score })).toBe(true);
	});
});

describe('evaluate', () => {
	const yes: Clause = { item: 'Q1', op: 'equals', value: 2 };
	const no: Clause = { item: 'Q1', op: 'equals', value: 5 };
	it.each([
		[undefined, true],
		[{ all: [] }, true],
		[{ any: [] }, false],
		[{ all: [yes, yes] }, true],
		[{ all: [yes, no] }, false],
		[{ any: [no, yes] }, true],
		[{ any: [no, no] }, false]
	] as [Condition | undefined, boolean][])('%j → %s', (condition, expected) => {
		expect(evaluate(condition, answers)).toBe(expected);
	});
});

describe('visibility', () => {
	const definition: SurveyDefinition = {
		sections: [
			{ code: 'S1', title: {}, items: [nps('NPS'), likert('Q2', { all: [{ item: 'NPS', op: 'npsGroup', group: 'detractor' }] })] },
			{ code: 'S2', title: {}, showIf: { any: [{ item: 'Q2', op: 'lte', value: 2 }] }, items: [likert('Q3'), branch] },
			{ code: 'S3', title: {}, items: [likert('Q4', { all: [{ item: 'Q3', op: 'answered' }] })] },
			{ code: 'S4', title: {}, items: [likert('Q5')] }
		]
	};

	it('shows what the answers call for, and skips sections with nothing shown', () => {
		const shown = visibility(definition, { NPS: 3, Q2: 1, Q3: 4 });
		expect([...shown.items]).toEqual(['NPS', 'Q2', 'Q3', 'BR', 'Q4', 'Q5']);
		expect([...shown.sections]).toEqual(['S1', 'S2', 'S3', 'S4']);
		const promoter = visibility(definition, { NPS: 10 });
		expect([...promoter.items]).toEqual(['NPS', 'Q5']);
		expect([...promoter.sections]).toEqual(['S1', 'S4']);
	});

	it('lets no answer to a hidden item show anything later', () => {
		// The respondent went back and became a promoter: Q2 and Q3 are still in the post.
		const left = { NPS: 9, Q2: 1, Q3: 4, Q4: 2, BR: ['N'], BR_OTHER: 'x' };
		expect([...visibility(definition, left).items]).toEqual(['NPS', 'Q5']);
		expect(shownAnswers(definition, left)).toEqual({ NPS: 9 });
		expect(shownAnswers(definition, { NPS: 2, Q2: 1, BR: ['_other'], BR_OTHER: 'x' })).toEqual({ NPS: 2, Q2: 1, BR: ['_other'], BR_OTHER: 'x' });
	});

	it('knows whether a definition has conditions at all', () => {
		expect(hasConditions(definition)).toBe(true);
		expect(hasConditions({ sections: [{ code: 'S', title: {}, items: [likert('A')] }] })).toBe(false);
	});

	it('survives a save and load of the definition', () => {
		expect(parseDefinitionJson(JSON.stringify(definition))).toEqual(definition);
		const bad = { sections: [{ code: 'S', title: {}, items: [likert('A', { all: [{ item: 'X', op: 'near', value: 1 } as unknown as Clause] })] }] };
		expect(parseDefinitionJson(JSON.stringify(bad))).toBeNull();
	});
});

describe('describeCondition', () => {
	const definition: SurveyDefinition = { sections: [{ code: 'S', title: {}, items: [likert('Q5'), nps('NPS'), branch] }] };
	const t = (locale: 'en' | 'zh-CN') => (key: string, params?: Record<string, string | number>) => translate(catalogs[locale], key, params);
	const cases: [Condition, string, string][] = [
		[{ all: [{ item: 'Q5', op: 'oneOf', values: [1, 2] }] }, 'Shown when Q5 is 1 or 2.', 'Q5为1或2时显示。'],
		[{ all: [{ item: 'Q5', op: 'oneOf', values: [1, 2, 3] }] }, 'Shown when Q5 is 1, 2 or 3.', 'Q5为1、2或3时显示。'],
		[{ any: [{ item: 'BR', op: 'equals', value: 'S' }, { item: 'Q5', op: 'notAnswered' }] }, 'Shown when BR is “South” or Q5 is not answered.', 'BR为“南区”，或Q5未作答时显示。'],
		[{ all: [{ item: 'NPS', op: 'npsGroup', group: 'detractor' }, { item: 'Q5', op: 'between', min: 1, max: 3 }] }, 'Shown when NPS places the respondent among the detractors (0–6) and Q5 is between 1 and 3.', 'NPS的回答属于贬损者（0–6分），且Q5在1到3之间时显示。'],
		[{ all: [] }, 'Always shown.', '始终显示。']
	];
	it.each(cases)('%j', (condition, en, zh) => {
		expect(describeCondition(condition, definition, 'en', t('en'))).toBe(en);
		expect(describeCondition(condition, definition, 'zh-CN', t('zh-CN'))).toBe(zh);
	});
});
