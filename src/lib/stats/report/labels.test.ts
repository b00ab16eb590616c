import { beforeEach, describe, expect, it } from 'vitest';
import { joinNames, shortLabel } from './labels';

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
});
