import { beforeEach, describe, expect, it } from 'vitest';
import type { SurveyDefinition } from './definition';
import { clampPage, firstPageWithErrors, formAnswers, forward, landOn, pageBack, pageFieldCodes, pagePosition, progressPercent } from './paging';
import type { Condition } from './conditions';

beforeEach(() => {
	expect.hasAssertions();
});

const text = { en: 'x' };
const definition: SurveyDefinition = {
	sections: [
		{ code: 'A', title: text, items: [{ code: 'Q1', kind: 'likert', text, required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false }] },
		{
			code: 'B',
			title: text,
			items: [
				{ code: 'P1', kind: 'pair', text, expectationText: text, perceptionText: text, required: true, scale: { min: 1, max: 7 }, reversed: false, notApplicable: false },
				{ code: 'C1', kind: 'single', text, required: false, options: [{ code: 'a', label: text }], other: true }
			]
		},
		{ code: 'C', title: text, items: [{ code: 'T', kind: 'text', text, required: false, maxLength: 100, multiline: true }] }
	]
};

describe('paging', () => {
	it.each([
		['1', 1],
		[2, 2],
		[7, 2],
		[-1, 0],
		['x', 0],
		[undefined, 0],
		['1.5', 0]
	])('clamps page %s to %s', (value, page) => {
		expect(clampPage(value, definition)).toBe(page);
	});

	it('lists the fields a page posts, with pair halves and "other" texts', () => {
		expect([...pageFieldCodes(definition.sections[1])]).toEqual(['P1_E', 'P1_P', 'C1', 'C1_OTHER']);
	});

	it('finds the first page holding an error', () => {
		expect(firstPageWithErrors(definition, { T: { key: 'k' }, P1_P: { key: 'k' } })).toBe(1);
		expect(firstPageWithErrors(definition, { C1_OTHER: { key: 'k' } })).toBe(1);
		expect(firstPageWithErrors(definition, {})).toBe(-1);
	});

	it('moves between pages within bounds', () => {
		const answers = { Q1: '3', P1_E: '2', P1_P: '4' };
		expect([0, 1, 2].map((page) => forward(definition, answers, page, null))).toEqual([
			{ to: 'page', page: 1, errors: {} },
			{ to: 'page', page: 2, errors: {} },
			{ to: 'submit' }
		]);
		expect([0, 2].map((page) => pageBack(definition, answers, page))).toEqual([0, 1]);
	});

	it('keeps the respondent on a page with errors', () => {
		expect(forward(definition, {}, 0, null)).toEqual({ to: 'page', page: 0, errors: { Q1: { key: 'respond.error.required' } } });
	});

	it('shows progress as the share of pages behind', () => {
		expect([0, 1, 2, 3].map((p) => progressPercent(p, 3))).toEqual([0, 33, 67, 100]);
		expect(progressPercent(0, 0)).toBe(100);
	});
});

describe('formAnswers', () => {
	it('keeps known fields as strings and drops the rest', () => {
		const raw = { Q1: '4', P1_E: '2', C1: ['a', 3 as unknown as string], C1_OTHER: 'x', EVIL: 'y', T: 5 as unknown as string };
		expect(formAnswers(raw, definition)).toEqual({ Q1: '4', P1_E: '2', C1: ['a'], C1_OTHER: 'x' });
	});
});

describe('paging with display conditions', () => {
	const detractor: Condition = { all: [{ item: 'NPS', op: 'npsGroup', group: 'detractor' }] };
	const item = (code: string, showIf?: Condition) => ({ code, kind: 'likert' as const, text, required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false, showIf });
	const conditional: SurveyDefinition = {
		sections: [
			{ code: 'A', title: text, items: [{ ...item('NPS'), kind: 'nps', scale: { min: 0, max: 10 } }, item('WHY', { all: [{ item: 'NPS', op: 'lte', value: 3 }] })] },
			{ code: 'B', title: text, showIf: detractor, items: [item('FIX')] },
			{ code: 'C', title: text, items: [item('END')] }
		]
	};

	it('skips a section its condition hides, both ways', () => {
		expect(forward(conditional, { NPS: '9' }, 0, new Set(['NPS']))).toEqual({ to: 'page', page: 2, errors: {} });
		expect(forward(conditional, { NPS: '5' }, 0, new Set(['NPS']))).toEqual({ to: 'page', page: 1, errors: {} });
		expect(pageBack(conditional, { NPS: '9' }, 2)).toBe(0);
		expect(pageBack(conditional, { NPS: '5' }, 2)).toBe(1);
	});

	it('never lets a posted page number reach a hidden section', () => {
		expect(forward(conditional, { NPS: '9', FIX: '1' }, 1, null)).toEqual({ to: 'page', page: 0, errors: {} });
		expect(pageBack(conditional, { NPS: '9' }, 1)).toBe(0);
		expect([landOn(1, [0, 2]), landOn(1, [2]), landOn(5, [0, 2])]).toEqual([0, 2, 2]);
	});

	it('stays on a page whose answers have just shown more of its questions, then asks them', () => {
		expect(forward(conditional, { NPS: '2' }, 0, new Set(['NPS']))).toEqual({ to: 'page', page: 0, errors: {} });
		expect(forward(conditional, { NPS: '2' }, 0, new Set(['NPS', 'WHY']))).toEqual({ to: 'page', page: 0, errors: { WHY: { key: 'respond.error.required' } } });
	});

	it('never requires a hidden item, and submits when no shown page is left', () => {
		expect(forward(conditional, { NPS: '10', END: '4' }, 2, new Set(['END']))).toEqual({ to: 'submit' });
	});

	it('counts only shown pages in the progress', () => {
		expect(pagePosition(2, [0, 2])).toEqual({ page: 1, pages: 2 });
		expect(pagePosition(0, [0, 1, 2])).toEqual({ page: 0, pages: 3 });
	});
});
