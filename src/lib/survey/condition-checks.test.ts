import { beforeEach, describe, expect, it } from 'vitest';
import { clauseCanHold, conditionIssues } from './condition-checks';
import type { Clause, Condition } from './conditions';
import type { Item, Section, SurveyDefinition } from './definition';
import { blocking, checkDesign } from './design-checks';

beforeEach(() => {
	expect.hasAssertions();
});

const likert = (code: string, showIf?: Condition): Item => ({ code, kind: 'likert', text: {}, required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false, ...(showIf && { showIf }) });
const nps: Item = { code: 'NPS', kind: 'nps', text: {}, required: true, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false };
const choice: Item = { code: 'CH', kind: 'single', text: {}, required: false, options: [{ code: 'a', label: {} }, { code: 'b', label: {} }], other: true };
const spend: Item = { code: 'SPEND', kind: 'number', text: {}, required: false, min: 0, max: 1000, decimals: 0 };
const note: Item = { code: 'NOTE', kind: 'text', text: {}, required: false, maxLength: 100, multiline: false };
const when = (...clauses: Clause[]): Condition => ({ all: clauses });
const section = (code: string, items: Item[], showIf?: Condition): Section => ({ code, title: {}, items, ...(showIf && { showIf }) });
const found = (definition: SurveyDefinition) => conditionIssues(definition).map((i) => [i.code.replace('designer.check.', ''), i.params.target ?? i.params.item ?? i.params.section ?? i.params.codes]);

describe('clauseCanHold', () => {
	const cases: [Item, Clause, boolean][] = [
		[likert('Q'), { item: 'Q', op: 'gte', value: 6 }, false],
		[likert('Q'), { item: 'Q', op: 'gte', value: 5 }, true],
		[likert('Q'), { item: 'Q', op: 'lte', value: 0 }, false],
		[likert('Q'), { item: 'Q', op: 'equals', value: 6 }, false],
		[likert('Q'), { item: 'Q', op: 'equals', value: 2.5 }, false],
		[likert('Q'), { item: 'Q', op: 'oneOf', values: [9, 5] }, true],
		[likert('Q'), { item: 'Q', op: 'between', min: 6, max: 9 }, false],
		[likert('Q'), { item: 'Q', op: 'between', min: 4, max: 2 }, false],
		[likert('Q'), { item: 'Q', op: 'between', min: 0, max: 1 }, true],
		[likert('Q'), { item: 'Q', op: 'npsGroup', group: 'detractor' }, false],
		[nps, { item: 'NPS', op: 'npsGroup', group: 'promoter' }, true],
		[choice, { item: 'CH', op: 'equals', value: 'z' }, false],
		[choice, { item: 'CH', op: 'oneOf', values: ['z', '_other'] }, true],
		[choice, { item: 'CH', op: 'lte', value: 2 }, false],
		[spend, { item: 'SPEND', op: 'gte', value: 5000 }, false],
		[spend, { item: 'SPEND', op: 'equals', value: 12.5 }, true],
		[note, { item: 'NOTE', op: 'lte', value: 2 }, false],
		[note, { item: 'NOTE', op: 'answered' }, true]
	];
	it.each(cases)('%j: %j → %s', (item, clause, expected) => {
		expect(clauseCanHold(clause, item)).toBe(expected);
	});
});

describe('condition checks', () => {
	it('passes sound conditions, and a definition without any', () => {
		const sound = { sections: [section('A', [nps, likert('WHY', when({ item: 'NPS', op: 'lte', value: 6 }))]), section('B', [likert('FIX')], when({ item: 'WHY', op: 'answered' }))] };
		expect(found(sound)).toEqual([]);
		expect(found({ sections: [section('A', [nps])] })).toEqual([]);
	});

	it.each([
		['a deleted item', [section('A', [likert('Q1', when({ item: 'GONE', op: 'answered' }))])], [['conditionUnknownItem', 'Q1']]],
		['a later item', [section('A', [likert('Q1', when({ item: 'Q2', op: 'answered' })), likert('Q2')])], [['conditionLaterItem', 'Q1']]],
		[
			'itself',
			[section('A', [likert('Q1', when({ item: 'Q1', op: 'answered' }))])],
			[
				['conditionLaterItem', 'Q1'],
				['conditionCycle', 'Q1 → Q1']
			]
		],
		[
			'an item of its own section, on a section',
			[section('A', [likert('Q1')], when({ item: 'Q1', op: 'answered' }))],
			[
				['conditionLaterItem', 'A'],
				['conditionCycle', 'Q1 → Q1']
			]
		],
		[
			'Q5 ≥ 6 on a 5-point item',
			[section('A', [likert('Q5'), likert('Q6', when({ item: 'Q5', op: 'gte', value: 6 }))])],
[['conditionNeverTrue', 'Q6']]
		]
	] as [string, Section[], string[][]][])('finds a condition on %s', (_, sections, expected) => {
		expect(found({ sections })).toEqual(expected);
	});

	it('finds a cycle', () => {
		const cycle = { sections: [section('A', [likert('Q1', when({ item: 'Q2', op: 'answered' })), likert('Q2', when({ item: 'Q1', op: 'answered' }))])] };
		expect(found(cycle)).toContainEqual(['conditionCycle', 'Q1 → Q2 → Q1']);
	});

	it('finds items and sections that can never be shown, also through a chain', () => {
		const chain = {
			sections: [
				section('A', [likert('Q1'), likert('Q2', when({ item: 'Q1', op: 'gte', value: 9 }))]),
				section('B', [likert('Q3')], { any: [{ item: 'Q2', op: 'answered' }] }),
				section('C', [likert('Q4')], { any: [{ item: 'Q2', op: 'notAnswered' }] })
			]
		};
		expect(found(chain)).toEqual([
			['conditionNeverTrue', 'Q2'],
			['sectionNeverShown', 'B']
		]);
		const hiddenSource = { sections: [section('A', [likert('Q1', when({ item: 'GONE', op: 'answered' })), likert('Q2', when({ item: 'Q1', op: 'equals', value: 3 }))])] };
		expect(found(hiddenSource)).toEqual([
			['conditionUnknownItem', 'Q1'],
			['itemNeverShown', 'Q2']
		]);
	});

	it('refuses to open a survey whose condition refers to a deleted item, naming it', () => {
		const settings = { languages: ['en' as const], defaultLanguage: 'en' as const, title: { en: 'T' }, welcome: {}, thanks: {}, timeZone: 'UTC', randomizeItems: false, progressBar: true, duplicateGuard: 'none' as const };
		const item = (code: string, showIf?: Condition) => ({ ...likert(code, showIf), text: { en: code } });
		const issues = checkDesign({ definition: { sections: [{ code: 'A', title: { en: 'A' }, items: [item('Q1', when({ item: 'GONE', op: 'equals', value: 1 }))] }] }, settings, responseCount: 0, responseCap: null });
		expect(blocking(issues)).toEqual([{ code: 'designer.check.conditionUnknownItem', params: { target: 'Q1', code: 'GONE' }, item: 'Q1' }]);
	});
});
