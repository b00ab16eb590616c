import { beforeEach, describe, expect, it } from 'vitest';
import type { SurveyDefinition } from './definition';
import { parseLimits, parseSourceToken, quotaFill, quotaGroups, quotasMatched, sourceToken, type Quota, type QuotaKey } from './quotas';

beforeEach(() => {
	expect.hasAssertions();
});

const t = (en: string) => ({ en, 'zh-CN': en });
const definition: SurveyDefinition = {
	sections: [
		{
			code: 'S1',
			title: {},
			items: [
				{ code: 'Q1', kind: 'likert', text: t('Friendly'), required: true, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false },
				{ code: 'AGE', kind: 'single', text: t('Age'), required: true, options: [{ code: 'Y', label: t('Under 30') }, { code: 'O', label: t('30 or over') }] },
				{ code: 'USE', kind: 'multiple', text: t('Services'), required: false, options: [{ code: 'A', label: t('A') }, { code: 'B', label: t('B') }] }
			]
		}
	]
};

describe('quotasMatched', () => {
	const keys: QuotaKey[] = [
		{ kind: 'item', code: 'AGE', option: 'Y' },
		{ kind: 'item', code: 'AGE', option: 'O' },
		{ kind: 'channel', code: '', option: 'north' }
	];
	it.each([
		[{ AGE: 'Y' }, 'north', ['Y', 'north']],
		[{ AGE: 'O' }, 'south', ['O']],
		[{}, null, []],
		[{ AGE: null }, 'north', ['north']]
	])('answers %j through channel %s fall in %j', (answers, channel, expected) => {
		expect(quotasMatched(keys, answers, channel).map((k) => k.option)).toEqual(expected);
	});
	it('matches nothing when the survey has no quotas', () => {
		expect(quotasMatched([], { AGE: 'Y' }, 'north')).toEqual([]);
	});
});

describe('source tokens', () => {
	it('round-trip the channel and item sources and refuse anything else', () => {
		expect(parseSourceToken(sourceToken({ kind: 'channel', code: '' }))).toEqual({ kind: 'channel', code: '' });
		expect(parseSourceToken(sourceToken({ kind: 'item', code: 'AGE' }))).toEqual({ kind: 'item', code: 'AGE' });
		for (const bad of ['', 'item:', 'item:1X', 'item:a b', 'AGE', 'channels']) expect(parseSourceToken(bad)).toBeNull();
	});
});

describe('parseLimits', () => {
	it('reads a limit per option, empty meaning none and 0 closing the group', () => {
		expect(parseLimits({ 'limit.Y': ' 300 ', 'limit.O': '', 'limit.X': '0' }, ['Y', 'O', 'X'])).toEqual({
			ok: true,
			limits: [
				{ option: 'Y', limit: 300 },
				{ option: 'X', limit: 0 }
			]
		});
	});
	it.each(['-1', '2.5', 'many', '1e3', '1234567890'])('refuses %s', (text) => {
		expect(parseLimits({ 'limit.Y': text }, ['Y'])).toEqual({ ok: false, errors: { 'limit.Y': 'quotas.limitInvalid' } });
	});
});

describe('quotaFill', () => {
	it.each([
		[0, 300, 0, false],
		[150, 300, 0.5, false],
		[300, 300, 1, true],
		[320, 300, 1, true],
		[0, 0, 1, true]
	])('%i of %i is %f full (full: %s)', (filled, limit, share, full) => {
		expect(quotaFill({ filled, limit })).toEqual({ share, full });
	});
});

describe('quotaGroups', () => {
	const quotas: Quota[] = [
		{ kind: 'item', code: 'AGE', option: 'Y', limit: 300, filled: 12 },
		{ kind: 'item', code: 'AGE', option: 'Z', limit: 5, filled: 1 },
		{ kind: 'item', code: 'GONE', option: 'A', limit: 9, filled: 0 }
	];
	it('offers the channel and single-choice items, with limits and options a quota still names', () => {
		const groups = quotaGroups(definition, [{ code: 'north', name: { 'zh-CN': '城北支行', en: 'North branch' } }], quotas);
		expect(groups.map((g) => g.token)).toEqual(['channel', 'item:AGE', 'item:GONE']);
		expect(groups[0].options).toEqual([{ code: 'north', label: { en: 'North branch', 'zh-CN': '城北支行' }, limit: null, filled: 0 }]);
		expect(groups[1].options.map((o) => [o.code, o.limit, o.filled])).toEqual([
			['Y', 300, 12],
			['O', null, 0],
			['Z', 5, 1]
		]);
		expect(groups[2]).toMatchObject({ kind: 'item', code: 'GONE', label: {}, options: [{ code: 'A', limit: 9 }] });
	});
	it('leaves the channel out when the survey has no channels and no channel quotas', () => {
		expect(quotaGroups(definition, [], []).map((g) => g.token)).toEqual(['item:AGE']);
	});
});
