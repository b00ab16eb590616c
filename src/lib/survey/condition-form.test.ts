import { beforeEach, describe, expect, it } from 'vitest';
import { buildClause, conditionSources, operatorsFor } from './condition-builder';
import { applyConditionFields, conditionErrors, conditionField } from './condition-form';
import type { Condition } from './conditions';
import type { Item, SurveyDefinition } from './definition';

beforeEach(() => {
	expect.hasAssertions();
});

const nps: Item = { code: 'NPS', kind: 'nps', text: { en: 'Recommend?' }, required: true, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false };
const branch: Item = { code: 'BR', kind: 'single', text: { en: 'Branch' }, required: true, options: [{ code: 'N', label: { en: 'North' } }, { code: 'S', label: { en: 'South' } }] };
const pair: Item = { code: 'G1', kind: 'pair', text: { en: 'Gap' }, required: true, scale: { min: 1, max: 7 }, expectationText: {}, perceptionText: {}, reversed: false, notApplicable: false };
const note: Item = { code: 'WHY', kind: 'text', text: { en: 'Why?' }, required: false, maxLength: 500, multiline: true };
const survey: SurveyDefinition = {
	sections: [
		{ code: 'S1', title: {}, items: [nps, branch, pair] },
		{ code: 'S2', title: {}, items: [note] }
	]
};
const detractors: Condition = { all: [{ item: 'NPS', op: 'npsGroup', group: 'detractor' }] };

describe('what a condition may test', () => {
	it('lists only earlier answers, both halves of a pair', () => {
		expect(conditionSources(survey, { section: 0, item: 0 })).toEqual([]);
		expect(conditionSources(survey, { section: 0, item: 2 }).map((s) => s.code)).toEqual(['NPS', 'BR']);
		expect(conditionSources(survey, { section: 1 }).map((s) => s.code)).toEqual(['NPS', 'BR', 'G1_E', 'G1_P']);
		expect(conditionSources(survey, { section: 0 })).toEqual([]);
	});

	it('offers the NPS group for NPS items only, and comparisons of numbers for scales and numbers', () => {
		expect(operatorsFor(nps)[0]).toBe('npsGroup');
		expect(operatorsFor(pair)).not.toContain('npsGroup');
		expect(operatorsFor(pair)).toContain('between');
		expect(operatorsFor(branch)).toEqual(['equals', 'oneOf', 'not', 'answered', 'notAnswered']);
		expect(operatorsFor(note)).toEqual(['answered', 'notAnswered']);
	});

	it('fits a clause to another item or test, keeping what still fits', () => {
		expect(buildClause('BR', branch, 'npsGroup')).toEqual({ item: 'BR', op: 'equals', value: 'N' });
		expect(buildClause('BR', branch, 'oneOf', { item: 'BR', op: 'equals', value: 'S' })).toEqual({ item: 'BR', op: 'oneOf', values: ['S'] });
		expect(buildClause('NPS', nps, 'equals', { item: 'BR', op: 'equals', value: 'S' })).toEqual({ item: 'NPS', op: 'equals', value: 0 });
		expect(buildClause('NPS', nps, 'between', { item: 'NPS', op: 'lte', value: 6 })).toEqual({ item: 'NPS', op: 'between', min: 0, max: 6 });
		expect(buildClause('WHY', note, 'equals')).toEqual({ item: 'WHY', op: 'answered' });
	});
});

describe('conditions posted as fields (without JavaScript)', () => {
	const withCondition: SurveyDefinition = { sections: [survey.sections[0], { ...survey.sections[1], showIf: detractors }] };
	const field = (f: string) => conditionField({ section: 1 }, f);

	it('reads a changed test and its values back into the draft', () => {
		const posted = { [field('mode')]: 'any', [field('0.item')]: 'NPS', [field('0.op')]: 'oneOf', [field('0.was')]: 'NPS oneOf', [field('0.in.0')]: 'on', [field('0.in.3')]: 'on' };
		const read = applyConditionFields(withCondition, posted);
		expect(read.ok && read.value.sections[1].showIf).toEqual({ any: [{ item: 'NPS', op: 'oneOf', values: [0, 3] }] });
		expect(read.ok && read.value.sections[0]).toEqual(survey.sections[0]);
	});

	it('fits the clause when another item was picked, then shows its own tests', () => {
		const posted = { [field('mode')]: 'all', [field('0.item')]: 'BR', [field('0.op')]: 'npsGroup', [field('0.was')]: 'NPS npsGroup', [field('0.group')]: 'detractor' };
		const read = applyConditionFields(withCondition, posted);
		expect(read.ok && read.value.sections[1].showIf).toEqual({ all: [{ item: 'BR', op: 'equals', value: 'N' }] });
	});

	it('lets a condition stranded by a move (or on a removed question) be posted back unchanged', () => {
		const stranded: SurveyDefinition = { sections: [{ ...survey.sections[0], showIf: { all: [{ item: 'BR', op: 'equals', value: 'S' }] } }, { ...survey.sections[1], showIf: { all: [{ item: 'GONE', op: 'answered' }] } }] };
		const first = (f: string) => conditionField({ section: 0 }, f);
		const posted = {
			[first('mode')]: 'all', [first('0.item')]: 'BR', [first('0.op')]: 'equals', [first('0.was')]: 'BR equals', [first('0.value')]: 'S',
			[field('mode')]: 'all', [field('0.item')]: 'GONE', [field('0.op')]: 'answered', [field('0.was')]: 'GONE answered'
		};
		const read = applyConditionFields(stranded, posted);
		expect(read.ok && read.value).toEqual(stranded);
		expect(read.ok && conditionErrors(stranded, read.value)).toEqual({});
		const changed = applyConditionFields(stranded, { ...posted, [first('0.value')]: 'N' });
		expect(changed.ok && conditionErrors(stranded, changed.value)).toEqual({ [first('0.item')]: 'designer.condition.itemNotEarlier' });
	});

	it('reads a later question, which the rules of a changed condition then refuse', () => {
		const posted = { [field('mode')]: 'all', [field('0.item')]: 'WHY', [field('0.op')]: 'answered', [field('0.was')]: 'NPS npsGroup' };
		const read = applyConditionFields(withCondition, posted);
		expect(read.ok && conditionErrors(withCondition, read.value)).toEqual({ [field('0.item')]: 'designer.condition.itemNotEarlier' });
	});

	it('leaves conditions whose fields were not posted as they are', () => {
		const read = applyConditionFields(withCondition, {});
		expect(read.ok && read.value).toEqual(withCondition);
	});

	it.each([
		[{ [field('0.item')]: 'NOPE', [field('0.op')]: 'answered' }, field('0.item'), 'designer.condition.itemNotEarlier'],
		[{ [field('0.item')]: '', [field('0.op')]: 'answered' }, field('0.item'), 'designer.condition.itemNotEarlier'],
		[{ [field('0.item')]: 'NPS', [field('0.op')]: 'near' }, field('0.op'), 'designer.condition.opNotForItem'],
		[{ [field('0.item')]: 'NPS', [field('0.op')]: 'lte', [field('0.was')]: 'NPS lte', [field('0.value')]: '' }, field('0.value'), 'designer.condition.numberNeeded'],
		[{ [field('0.item')]: 'NPS', [field('0.op')]: 'oneOf', [field('0.was')]: 'NPS oneOf' }, field('0.values'), 'designer.condition.tickOne']
	])('refuses %j with an error beside the field', (clause, name, message) => {
		const read = applyConditionFields(withCondition, { [field('mode')]: 'all', ...clause });
		expect(read).toEqual({ ok: false, errors: { [name]: message } });
	});
});

describe('conditions a post sets', () => {
	const set = (condition: Condition, target = { section: 0, item: 2 }): SurveyDefinition => ({
		sections: survey.sections.map((s, si) => (si !== target.section ? s : { ...s, items: s.items.map((it, ii) => (ii === target.item ? { ...it, showIf: condition } : it)) }))
	});
	const name = (f: string) => conditionField({ section: 0, item: 2 }, f);

	it.each([
		[detractors, {}],
		[{ all: [{ item: 'WHY', op: 'answered' }] }, { [name('0.item')]: 'designer.condition.itemNotEarlier' }],
		[{ all: [{ item: 'G1_E', op: 'answered' }] }, { [name('0.item')]: 'designer.condition.itemNotEarlier' }],
		[{ any: [detractors.all[0], { item: 'BR', op: 'npsGroup', group: 'detractor' }] }, { [name('1.op')]: 'designer.condition.opNotForItem' }],
		[{ all: [{ item: 'BR', op: 'equals', value: 'X' }] }, { [name('0.value')]: 'designer.condition.valueNotForItem' }],
		[{ all: [{ item: 'NPS', op: 'oneOf', values: [3, 11] }] }, { [name('0.values')]: 'designer.condition.valueNotForItem' }],
		[{ all: [{ item: 'NPS', op: 'between', min: 7, max: 3 }] }, { [name('0.max')]: 'designer.condition.minAboveMax' }]
	] as [Condition, Record<string, string>][])('%j → %j', (condition, errors) => {
		expect(conditionErrors(survey, set(condition))).toEqual(errors);
	});

	it('does not judge a condition the post left as it was (moving items may strand one; the design checks say so)', () => {
		const stranded = set({ all: [{ item: 'WHY', op: 'answered' }] });
		expect(conditionErrors(stranded, stranded)).toEqual({});
	});
});
