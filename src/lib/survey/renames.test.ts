import { beforeEach, describe, expect, it } from 'vitest';
import type { Condition } from './conditions';
import type { Item, SurveyDefinition } from './definition';
import { applyRenames, codeRenames } from './renames';

beforeEach(() => {
	expect.hasAssertions();
});

const likert = (code: string, text = code, showIf?: Condition): Item => ({ code, kind: 'likert', text: { en: text }, required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false, ...(showIf && { showIf }) });
const choice = (code: string, options: string[], showIf?: Condition): Item => ({ code, kind: 'single', text: { en: 'Branch' }, required: true, options: options.map((o) => ({ code: o, label: { en: `label ${o}` } })), ...(showIf && { showIf }) });
const pair = (code: string): Item => ({ code, kind: 'pair', text: { en: code }, required: true, scale: { min: 1, max: 7 }, expectationText: {}, perceptionText: {}, reversed: false, notApplicable: false });
const draft = (...items: Item[]): SurveyDefinition => ({ sections: [{ code: 'S1', title: {}, items }] });
const follow = (before: SurveyDefinition, after: SurveyDefinition) => applyRenames(after, codeRenames(before, after));
const conditionOf = (definition: SurveyDefinition, code: string) => definition.sections.flatMap((s) => s.items).find((i) => i.code === code)?.showIf;

describe('codeRenames', () => {
	const cases: [string, SurveyDefinition, SurveyDefinition, [string, string][]][] = [
		['a code changed in place', draft(likert('Q1'), likert('Q2')), draft(likert('Q1'), likert('Q2x')), [['Q2', 'Q2x']]],
		['renamed and moved in one save', draft(likert('Q1'), likert('Q2')), draft(likert('Q2x', 'Q2'), likert('Q1')), [['Q2', 'Q2x']]],
		['renamed and its text edited, in place', draft(likert('Q1'), likert('Q2')), draft(likert('Q1'), likert('Q9', 'new text')), [['Q2', 'Q9']]],
		['renamed while an earlier item was removed', draft(likert('Q1'), likert('Q2'), likert('Q3')), draft(likert('Q2'), likert('Q3x', 'Q3')), [['Q3', 'Q3x']]],
		['an item removed and a new one added elsewhere', draft(likert('Q1'), likert('Q2')), draft(likert('Q2'), likert('Q3', '')), []],
		['two codes swapped (ambiguous, nothing vanished)', draft(likert('A'), likert('B')), draft(likert('B', 'A'), likert('A', 'B')), []],
		['two alike items renamed at once (which is which cannot be told)', draft(likert('A', 'x'), likert('B', 'x')), draft(likert('C', 'x'), likert('D', 'x')), []],
		['nothing changed', draft(likert('Q1')), draft(likert('Q1')), []]
	];
	it.each(cases)('%s', (_name, before, after, expected) => {
		expect([...codeRenames(before, after).items]).toEqual(expected);
	});

	it('finds an option renamed in place, and not a removed or added one', () => {
		const renames = codeRenames(draft(choice('CH', ['a', 'b', 'c'])), draft(choice('CH', ['a', 'bb', 'c', 'd'])));
		expect([...(renames.options.get('CH') ?? [])]).toEqual([['b', 'bb']]);
		expect(codeRenames(draft(choice('CH', ['a', 'b', 'c'])), draft(choice('CH', ['a', 'c']))).options.size).toBe(0);
	});

	it('finds an option renamed on an item renamed in the same save', () => {
		const renames = codeRenames(draft(choice('CH', ['a', 'b'])), draft(choice('BR', ['a', 'z'])));
		expect([...renames.items]).toEqual([['CH', 'BR']]);
		expect([...(renames.options.get('BR') ?? [])]).toEqual([['b', 'z']]);
	});
});

describe('applyRenames', () => {
	it('makes a condition follow a renamed item', () => {
		const before = draft(likert('Q5'), likert('Q6', 'Q6', { all: [{ item: 'Q5', op: 'oneOf', values: [1, 2] }] }));
		const after = draft(likert('SAT'), likert('Q6', 'Q6', { all: [{ item: 'Q5', op: 'oneOf', values: [1, 2] }] }));
		expect(conditionOf(follow(before, after), 'Q6')).toEqual({ all: [{ item: 'SAT', op: 'oneOf', values: [1, 2] }] });
	});

	it('makes equals, not and "is one of" follow a renamed option, and leaves other items\' values alone', () => {
		const showIf: Condition = { any: [{ item: 'CH', op: 'equals', value: 'b' }, { item: 'CH', op: 'not', value: 'a' }, { item: 'CH', op: 'oneOf', values: ['a', 'b'] }, { item: 'Q1', op: 'gte', value: 4 }] };
		const after = follow(draft(likert('Q1'), choice('CH', ['a', 'b']), likert('Q2', 'Q2', showIf)), draft(likert('Q1'), choice('CH', ['a', 'north']), likert('Q2', 'Q2', showIf)));
		expect(conditionOf(after, 'Q2')).toEqual({ any: [{ item: 'CH', op: 'equals', value: 'north' }, { item: 'CH', op: 'not', value: 'a' }, { item: 'CH', op: 'oneOf', values: ['a', 'north'] }, { item: 'Q1', op: 'gte', value: 4 }] });
	});

	it('makes a clause on one half of a pair follow the pair\'s new code', () => {
		const showIf: Condition = { all: [{ item: 'G1_P', op: 'lte', value: 2 }] };
		const after = follow(draft(pair('G1'), likert('Q2', 'Q2', showIf)), draft(pair('GAP1'), likert('Q2', 'Q2', showIf)));
		expect(conditionOf(after, 'Q2')).toEqual({ all: [{ item: 'GAP1_P', op: 'lte', value: 2 }] });
	});

	it('makes a section condition follow, and renames codes when applied to the draft before', () => {
		const before: SurveyDefinition = { sections: [{ code: 'S1', title: {}, items: [likert('NPS')] }, { code: 'S2', title: {}, items: [likert('Q2')], showIf: { all: [{ item: 'NPS', op: 'answered' }] } }] };
		const after: SurveyDefinition = { sections: [{ code: 'S1', title: {}, items: [likert('REC', 'NPS')] }, before.sections[1]] };
		const renames = codeRenames(before, after);
		expect(applyRenames(after, renames).sections[1].showIf).toEqual({ all: [{ item: 'REC', op: 'answered' }] });
		expect(applyRenames(before, renames)).toEqual(applyRenames(after, renames));
	});

	it('returns the same draft when nothing was renamed', () => {
		const same = draft(likert('Q1'));
		expect(follow(same, same)).toBe(same);
	});
});
