import { beforeEach, describe, expect, it } from 'vitest';
import type { Condition } from './conditions';
import type { SurveyDefinition } from './definition';
import { applyFields, itemField, sectionField } from './definition-form';
import { parseDefinitionJson } from './definition-schema';
import { applyDesignOp, decodeOp, encodeOp, type ButtonOp } from './design-ops';

beforeEach(() => {
	expect.hasAssertions();
});

const item = (code: string) => ({ code, kind: 'likert' as const, text: { en: code }, required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false });
const draft: SurveyDefinition = {
	sections: [
		{ code: 'S1', title: { en: 'One' }, items: [item('A'), item('B')] },
		{ code: 'S2', title: { en: 'Two' }, items: [item('C')] }
	]
};
const layout = (d: SurveyDefinition) => d.sections.map((s) => `${s.code}:${s.items.map((i) => i.code).join('')}`).join(' ');

describe('design operations', () => {
	it.each([
		[{ type: 'moveItem', section: 0, item: 0, delta: 1 }, 'S1:BA S2:C'],
		[{ type: 'moveItem', section: 0, item: 1, delta: 1 }, 'S1:A S2:BC'],
		[{ type: 'moveItem', section: 0, item: 0, delta: -1 }, 'S1:AB S2:C'],
		[{ type: 'dropItem', section: 1, item: 0, toSection: 0, toItem: 1 }, 'S1:ACB S2:'],
		[{ type: 'removeItem', section: 0, item: 1 }, 'S1:A S2:C'],
		[{ type: 'addItem', section: 1, kind: 'nps' }, 'S1:AB S2:CQ1'],
		[{ type: 'addBank', section: 0, id: 'monthly-spend' }, 'S1:ABSPEND S2:C'],
		[{ type: 'addSection' }, 'S1:AB S2:C S3:'],
		[{ type: 'moveSection', section: 1, delta: -1 }, 'S2:C S1:AB'],
		[{ type: 'removeSection', section: 0 }, 'S2:C']
	] as [ButtonOp, string][])('%j → %s', (op, expected) => {
		expect(layout(applyDesignOp(draft, op))).toBe(expected);
		expect(decodeOp(encodeOp(op))).toEqual(op);
	});

	it('keeps code, text and indicator when an item changes kind', () => {
		const changed = applyDesignOp(draft, { type: 'changeKind', section: 0, item: 0, kind: 'single' });
		expect(changed.sections[0].items[0]).toMatchObject({ code: 'A', kind: 'single', text: { en: 'A' }, options: [{ code: 'A1' }, { code: 'A2' }] });
		const withOption = applyDesignOp(changed, { type: 'addOption', section: 0, item: 0 });
		expect(withOption.sections[0].items[0]).toMatchObject({ options: [{ code: 'A1' }, { code: 'A2' }, { code: 'A3' }] });
	});

	it('gives a bank question a fresh code when its code is taken', () => {
		const once = applyDesignOp(draft, { type: 'addBank', section: 0, id: 'recommend' });
		const twice = applyDesignOp(once, { type: 'addBank', section: 0, id: 'recommend' });
		expect(twice.sections[0].items.map((i) => i.code)).toEqual(['A', 'B', 'NPS', 'NPS1']);
	});

	it('rejects button values that are not edits', () => {
		expect(decodeOp('moveItem:0:1:5')).toBeNull();
		expect(decodeOp('addItem:0:essay')).toBeNull();
		expect(decodeOp('dropTable:1')).toBeNull();
		expect(decodeOp('removeItem:0')).toBeNull();
	});
});

describe('condition operations', () => {
	const nps = { code: 'NPS', kind: 'nps' as const, text: { en: 'Recommend?' }, required: true, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false };
	const survey: SurveyDefinition = { sections: [{ ...draft.sections[0], items: [nps, item('A')] }, draft.sections[1]] };
	const detractors: Condition = { all: [{ item: 'NPS', op: 'npsGroup', group: 'detractor' }] };

	it('sets and removes the condition of a section or of an item, leaving the rest alone', () => {
		const onSection = applyDesignOp(survey, { type: 'setCondition', section: 1, condition: detractors });
		expect(onSection.sections[1].showIf).toEqual(detractors);
		expect(onSection.sections[1].items).toEqual(survey.sections[1].items);
		expect(onSection.sections[0]).toBe(survey.sections[0]);
		const onItem = applyDesignOp(onSection, { type: 'setCondition', section: 0, item: 1, condition: detractors });
		expect(onItem.sections[0].items[1].showIf).toEqual(detractors);
		expect(onItem.sections[0].showIf).toBeUndefined();
		const removed = applyDesignOp(onItem, { type: 'removeCondition', section: 1 });
		expect('showIf' in removed.sections[1]).toBe(false);
		expect(removed.sections[0].items[1].showIf).toEqual(detractors);
		expect('showIf' in applyDesignOp(removed, { type: 'removeCondition', section: 0, item: 1 }).sections[0].items[1]).toBe(false);
	});

	it('adds clauses testing the nearest earlier answer, and drops the condition with its last clause', () => {
		const once = applyDesignOp(survey, { type: 'addClause', section: 0, item: 1 });
		expect(once.sections[0].items[1].showIf).toEqual(detractors);
		const any = applyDesignOp(once, { type: 'setCondition', section: 0, item: 1, condition: { any: detractors.all } });
		const twice = applyDesignOp(any, { type: 'addClause', section: 0, item: 1 });
		expect(twice.sections[0].items[1].showIf).toEqual({ any: [detractors.all[0], detractors.all[0]] });
		const section = applyDesignOp(survey, { type: 'addClause', section: 1 });
		expect(section.sections[1].showIf).toEqual({ all: [{ item: 'A', op: 'equals', value: 1 }] });
		const fewer = applyDesignOp(twice, { type: 'removeClause', section: 0, item: 1, clause: 0 });
		expect(fewer.sections[0].items[1].showIf).toEqual({ any: [detractors.all[0]] });
		expect('showIf' in applyDesignOp(fewer, { type: 'removeClause', section: 0, item: 1, clause: 0 }).sections[0].items[1]).toBe(false);
	});

	it('adds no clause where nothing comes earlier', () => {
		expect(applyDesignOp(survey, { type: 'addClause', section: 0, item: 0 })).toEqual(survey);
		expect(applyDesignOp(survey, { type: 'addClause', section: 0 })).toEqual(survey);
	});

	it.each([
		[{ type: 'addClause', section: 1 }, 'addClause:1:'],
		[{ type: 'addClause', section: 0, item: 2 }, 'addClause:0:2'],
		[{ type: 'removeClause', section: 0, item: 2, clause: 1 }, 'removeClause:0:2:1'],
		[{ type: 'removeCondition', section: 3 }, 'removeCondition:3:']
	] as [ButtonOp, string][])('encodes %j as a button value', (op, value) => {
		expect(encodeOp(op)).toBe(value);
		expect(decodeOp(value)).toEqual(op);
	});

	it('rejects condition button values that are not edits', () => {
		expect(decodeOp('removeClause:0::')).toBeNull();
		expect(decodeOp('addClause::')).toBeNull();
		expect(decodeOp('setCondition:0:1')).toBeNull();
		expect(decodeOp('toString:')).toBeNull();
	});
});

describe('designer form without JavaScript', () => {
	it('reads texts, flags, points and end labels back into the draft', () => {
		const fields = {
			[sectionField(0, 'title.zh-CN')]: ' 第一部分 ',
			[itemField(0, 1, 'code')]: 'B2',
			[itemField(0, 1, 'text.zh-CN')]: '好',
			[itemField(0, 1, 'indicator')]: 'IND',
			[itemField(0, 1, 'reversed')]: 'on',
			[itemField(0, 1, 'points')]: '7',
			[itemField(0, 1, 'lo.en')]: 'Low',
			[itemField(0, 1, 'hi.en')]: 'High'
		};
		const next = applyFields(draft, fields);
		expect(next.sections[0].title).toEqual({ en: 'One', 'zh-CN': '第一部分' });
		expect(next.sections[0].items[0]).toEqual(draft.sections[0].items[0]);
		expect(next.sections[0].items[1]).toMatchObject({
			code: 'B2',
			text: { en: 'B', 'zh-CN': '好' },
			indicator: 'IND',
			required: false,
			reversed: true,
			scale: { min: 1, max: 7, endLabels: { min: { en: 'Low' }, max: { en: 'High' } } }
		});
	});
});

describe('posted draft JSON', () => {
	it('accepts a well-formed definition and refuses malformed ones', () => {
		expect(parseDefinitionJson(JSON.stringify(draft))).toEqual(draft);
		expect(parseDefinitionJson('{')).toBeNull();
		expect(parseDefinitionJson(JSON.stringify({ sections: [{ code: 'S', title: {}, items: [{ ...item('A'), kind: 'essay' }] }] }))).toBeNull();
		expect(parseDefinitionJson(JSON.stringify({ sections: [{ code: 'S', title: {}, items: [{ ...item('A'), scale: { min: 1, max: 'x' } }] }] }))).toBeNull();
	});
});
