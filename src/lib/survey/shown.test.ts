import { beforeEach, describe, expect, it } from 'vitest';
import { validateAnswers } from './answers';
import { isConditional, keepShown, readAnswers, shownFor, shownPages, validateRead, validateShown } from './shown';
import type { Condition } from './conditions';
import type { SurveyDefinition } from './definition';

beforeEach(() => {
	expect.hasAssertions();
});

const text = { en: 'x' };
const lowScore: Condition = { any: [{ item: 'Q1', op: 'lte', value: 2 }] };
const definition: SurveyDefinition = {
	sections: [
		{ code: 'A', title: text, items: [{ code: 'Q1', kind: 'likert', text, required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false }] },
		{
			code: 'B',
			title: text,
			showIf: lowScore,
			items: [{ code: 'C1', kind: 'single', text, required: true, options: [{ code: 'slow', label: text }], other: true }]
		}
	]
};

describe('what a respondent is shown', () => {
	it('shows everything of a questionnaire without conditions, at no cost', () => {
		const plain = { sections: [definition.sections[0]] };
		expect(isConditional(plain)).toBe(false);
		expect(shownFor(plain, { Q1: '1' })).toBeNull();
		expect(shownPages(plain, null)).toEqual([0]);
	});

	it('counts only valid answers towards a condition', () => {
		expect([...shownFor(definition, { Q1: '1' })!.items]).toEqual(['Q1', 'C1']);
		expect([...shownFor(definition, { Q1: '9' })!.items]).toEqual(['Q1']);
		expect(shownPages(definition, shownFor(definition, { Q1: '4' }))).toEqual([0]);
	});

	it('neither requires nor keeps an answer to a hidden item, whatever the post carries', () => {
		expect(validateShown(definition, { Q1: '5', C1: 'nonsense', C1_OTHER: 'x' })).toEqual({ ok: true, answers: { Q1: 5 } });
		expect(validateShown(definition, { Q1: '1' })).toMatchObject({ ok: false, errors: { C1: { key: 'respond.error.required' } } });
		expect(validateShown(definition, { Q1: '1', C1: 'nonsense' })).toMatchObject({ ok: false, errors: { C1: { key: 'respond.error.notAChoice' } } });
		expect(validateShown(definition, { Q1: '1', C1: 'slow' })).toEqual({ ok: true, answers: { Q1: 1, C1: 'slow' } });
	});

	it('takes a page’s judgement from one reading of every answer, as judging the page afresh would', () => {
		for (const raw of [{ Q1: '1', C1: '_other' }, { Q1: '1', C1: ['slow', 'x'] }, { Q1: 'x', C1: 'slow' }, { Q1: '2', C1: 'slow', C1_OTHER: ' ' }, {}]) {
			const reading = readAnswers(definition, raw);
			expect(reading.judged).toBeDefined();
			for (const section of definition.sections) {
				const items = section.items.filter((item) => reading.shown!.items.has(item.code));
				expect(validateRead(definition, raw, items, reading)).toEqual(validateAnswers(definition, raw, items));
			}
		}
	});

	it('carries along only the answers of shown items, an "other" text with its choice', () => {
		const answers = { Q1: '4', C1: 'slow', C1_OTHER: 'late', STRAY: 'x' };
		expect(keepShown(definition, answers, shownFor(definition, answers))).toEqual({ Q1: '4' });
		expect(keepShown(definition, { ...answers, Q1: '2' }, shownFor(definition, { ...answers, Q1: '2' }))).toEqual({ Q1: '2', C1: 'slow', C1_OTHER: 'late' });
		expect(keepShown(definition, answers, null)).toBe(answers);
	});
});
