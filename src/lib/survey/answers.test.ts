import { beforeEach, describe, expect, it } from 'vitest';
import { rawFromForm, validateAnswers, type RawAnswers } from './answers';
import type { Item, SurveyDefinition } from './definition';

beforeEach(() => {
	expect.hasAssertions();
});

const text = (en: string) => ({ en, 'zh-CN': en });
const likert: Item = { code: 'L', kind: 'likert', text: text('Friendly'), required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: true };
const nps: Item = { code: 'NPS', kind: 'nps', text: text('Recommend'), required: false, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false };
const pair: Item = {
	code: 'T1',
	kind: 'pair',
	text: text('Modern equipment'),
	expectationText: text('should have'),
	perceptionText: text('has'),
	required: true,
	scale: { min: 1, max: 7 },
	reversed: false,
	notApplicable: false
};
const single: Item = { code: 'CH', kind: 'single', text: text('Branch'), required: true, options: [{ code: 'a', label: text('A') }, { code: 'b', label: text('B') }], other: true };
const multiple: Item = { code: 'MU', kind: 'multiple', text: text('Services'), required: false, options: [{ code: 'x', label: text('X') }, { code: 'y', label: text('Y') }] };
const spend: Item = { code: 'SP', kind: 'number', text: text('Spend'), required: false, min: 0, max: 100000, decimals: 2 };
const visits: Item = { code: 'VI', kind: 'number', text: text('Visits'), required: true, min: 1, decimals: 0 };
const comment: Item = { code: 'CO', kind: 'text', text: text('Comment'), required: false, maxLength: 10, multiline: false };
const definition: SurveyDefinition = { sections: [{ code: 'S', title: text('S'), items: [likert, nps, pair, single, multiple, spend, visits, comment] }] };

const valid: RawAnswers = { L: '4', T1_E: '7', T1_P: '5', CH: 'a', VI: '3' };
const check = (changes: RawAnswers) => validateAnswers(definition, { ...valid, ...changes });

describe('validateAnswers', () => {
	it('accepts a complete form post and types every value', () => {
		const result = check({ NPS: '10', MU: ['x', 'y'], SP: '1,234.50', CO: '  fine  ' });
		expect(result).toEqual({ ok: true, answers: { L: 4, NPS: 10, T1_E: 7, T1_P: 5, CH: 'a', MU: ['x', 'y'], SP: 1234.5, VI: 3, CO: 'fine' } });
	});

	it('accepts typed JSON values, null as not applicable', () => {
		const result = validateAnswers(definition, { L: null, T1_E: 1, T1_P: 7, CH: 'b', VI: 12, SP: 99.99, MU: ['y'] });
		expect(result).toEqual({ ok: true, answers: { L: null, T1_E: 1, T1_P: 7, CH: 'b', VI: 12, SP: 99.99, MU: ['y'] } });
	});

	it.each([
		['a missing required Likert answer', { L: '' }, 'L', 'respond.error.required'],
		['a Likert value above the scale', { L: '6' }, 'L', 'respond.error.outOfRange'],
		['a Likert value below the scale', { L: '0' }, 'L', 'respond.error.outOfRange'],
		['a fractional point', { L: '3.5' }, 'L', 'respond.error.outOfRange'],
		['two values for one point', { L: ['3', '4'] }, 'L', 'respond.error.invalid'],
		['not applicable where not offered', { NPS: 'na' }, 'NPS', 'respond.error.notApplicableNotOffered'],
		['a missing perception half of a pair', { T1_P: undefined }, 'T1_P', 'respond.error.required'],
		['an expectation out of range', { T1_E: '8' }, 'T1_E', 'respond.error.outOfRange'],
		['an unknown option', { CH: 'zz' }, 'CH', 'respond.error.notAChoice'],
		['two options for a single choice', { CH: ['a', 'b'] }, 'CH', 'respond.error.invalid'],
		['"other" without its text', { CH: '_other' }, 'CH_OTHER', 'respond.error.otherRequired'],
		['an unknown option among several', { MU: ['x', 'q'] }, 'MU', 'respond.error.notAChoice'],
		['text where a number belongs', { SP: '12abc' }, 'SP', 'respond.error.notANumber'],
		['too many decimals', { SP: '1.234' }, 'SP', 'respond.error.tooManyDecimals'],
		['a fraction where whole numbers are asked', { VI: '2.5' }, 'VI', 'respond.error.wholeNumber'],
		['a number above the range', { SP: '100001' }, 'SP', 'respond.error.numberRange'],
		['a number below the minimum', { VI: '0' }, 'VI', 'respond.error.tooSmall'],
		['infinity in JSON', { SP: Infinity }, 'SP', 'respond.error.notANumber'],
		['a text over its length', { CO: '12345678901' }, 'CO', 'respond.error.tooLong'],
		['an object-like value for text', { CO: true }, 'CO', 'respond.error.invalid']
	])('reports %s', (_, changes, code, key) => {
		const result = check(changes as RawAnswers);
		expect(result.ok).toBe(false);
		expect(result.ok ? undefined : result.errors[code]?.key).toBe(key);
	});

	it('gives the range in the message parameters', () => {
		const result = check({ L: '9' });
		expect(result.ok ? {} : result.errors.L.params).toEqual({ min: 1, max: 5 });
	});

	it('keeps the valid answers when others fail', () => {
		const result = check({ L: '9', NPS: '7' });
		expect(result.answers).toMatchObject({ NPS: 7, T1_E: 7, CH: 'a' });
		expect(result.answers).not.toHaveProperty('L');
	});

	it('stores "other" text with its choice, counting characters not bytes', () => {
		const result = check({ CH: '_other', CH_OTHER: '  朋友推荐  ' });
		expect(result).toMatchObject({ ok: true, answers: { CH: '_other', CH_OTHER: '朋友推荐' } });
		expect(check({ CO: '一二三四五六七八九十' }).ok).toBe(true);
	});

	it('strips control characters and folds line breaks in one-line texts', () => {
		const result = check({ CO: 'a\u0000b\r\nc' });
		expect(result.answers.CO).toBe('ab c');
	});

	it('accepts full-width digits in numbers', () => {
		expect(check({ VI: '１２' }).answers.VI).toBe(12);
	});

	it('ignores unknown codes and checks only the given items', () => {
		const result = validateAnswers(definition, { L: '2', EVIL: '<script>', __proto__: '1' }, [likert]);
		expect(result).toEqual({ ok: true, answers: { L: 2 } });
	});

	it('skips optional questions left blank', () => {
		const result = check({ NPS: '', MU: [], SP: '  ', CO: '' });
		expect(result).toEqual({ ok: true, answers: { L: 4, T1_E: 7, T1_P: 5, CH: 'a', VI: 3 } });
	});
});

describe('rawFromForm', () => {
	it('reads answer fields only, repeated fields as arrays', () => {
		const form = new URLSearchParams('a.L=4&a.MU=x&a.MU=y&page=2&website=spam&a.T1_E=7');
		expect(rawFromForm(form)).toEqual({ L: '4', MU: ['x', 'y'], T1_E: '7' });
	});
});
