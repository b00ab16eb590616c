import { beforeEach, describe, expect, it } from 'vitest';
import { catalogs } from '../../i18n/catalogs';
import { translate } from '../../i18n/translate';
import { joinNames, namedFlagParams, shortLabel } from './labels';

beforeEach(() => {
	expect.hasAssertions();
});

describe('short labels', () => {
	it.each([
		['Keeps promises', 'Keeps promises'],
		['When the bank promises to do something by a certain time, it does so', 'When the bank promises to do…'],
		['  Modern   looking equipment ', 'Modern looking equipment'],
		['Supercalifragilisticexpialidocious-and-then-some', 'Supercalifragilisticexpialid…'],
		['银行承诺在某个时间做某事时，会按时做到', '银行承诺在某个时间做某事时…'],
		['员工总是愿意帮助客户，从不推诿', '员工总是愿意帮助客户…'],
		['设备先进', '设备先进'],
		['总体而言，您对本行满意吗？', '总体而言，您对本行满意吗'],
		['How satisfied are you?', 'How satisfied are you'],
		['', '']
	])('%s → %s', (text, label) => {
		expect(shortLabel(text)).toBe(label);
	});

	it('joins names as a list in each language', () => {
		const names = [
			{ zh: '可靠性', en: 'Reliability' },
			{ zh: '响应性', en: 'Responsiveness' }
		];
		expect(joinNames(names, true)).toBe('可靠性、响应性');
		expect(joinNames(names, false)).toBe('Reliability, Responsiveness');
	});

	describe('reliability flags in words', () => {
		const names = {
			dimensions: new Map([['RES', { zh: '响应性', en: 'Responsiveness' }]]),
			items: new Map([['RES_W', { zh: '员工太忙，无暇回应', en: 'Staff are too busy to respond' }]])
		};
		const loading = { code: 'stats.reliability.lowLoading', params: { construct: 'RES', item: 'RES_W', value: '0.31', threshold: 0.4 } };
		const alpha = { code: 'stats.reliability.lowAlpha', params: { construct: 'RES', value: '0.64', threshold: 0.7 } };
		const sentence = (issue: typeof alpha, locale: 'en' | 'zh-CN') => translate(catalogs[locale], issue.code, namedFlagParams(issue.params, names, locale === 'zh-CN'));

		it('name the dimension and the item by their text, in each language, never by code', () => {
			expect(sentence(loading, 'en')).toBe('The item “Staff are too busy to respond” loads only 0.31 on Responsiveness (below 0.4). Consider rewording it or removing it from the block.');
			expect(sentence(loading, 'zh-CN')).toBe('题项“员工太忙，无暇回应”在响应性上的载荷仅为 0.31（低于 0.4）。请考虑修改措辞或将其从该构念中删除。');
			expect(sentence(alpha, 'zh-CN')).toMatch(/^响应性的 Cronbach α 系数为 0\.64，/);
			for (const locale of ['en', 'zh-CN'] as const) for (const issue of [loading, alpha]) expect(sentence(issue, locale)).not.toMatch(/RES/);
		});

		it('keep a code that has no name, and leave other parameters alone', () => {
			expect(namedFlagParams({ construct: 'XYZ', value: 0.5 }, names, false)).toEqual({ construct: 'XYZ', value: 0.5 });
			expect(namedFlagParams({ items: 1 }, names, true)).toEqual({ items: 1 });
		});
	});
});
