import { beforeEach, describe, expect, it } from 'vitest';
import type { SurveyDefinition } from './definition';
import { clampPage, firstPageWithErrors, formAnswers, pageAfter, pageFieldCodes, progressPercent } from './paging';

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
		expect([pageAfter('next', 0, 3), pageAfter('next', 2, 3), pageAfter('back', 0, 3), pageAfter('back', 2, 3), pageAfter('stay', 1, 3)]).toEqual([1, 2, 0, 1, 1]);
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
