import { beforeEach, describe, expect, it } from 'vitest';
import { negotiateLocale } from './locales';
import { translate } from './translate';

beforeEach(() => {
	expect.hasAssertions();
});

describe('negotiateLocale', () => {
	it.each([
		['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
		['zh-TW', 'zh-CN'],
		['en-GB,en;q=0.9', 'en'],
		['fr-FR,zh;q=0.5,en;q=0.4', 'zh-CN'],
		['de, en;q=0.1', 'en'],
		['en;q=0.2, zh;q=0.8', 'zh-CN'],
		['', 'en'],
		[null, 'en'],
		['zh;q=0, en', 'en']
	])('%s → %s', (header, expected) => {
		expect(negotiateLocale(header)).toBe(expected);
	});
});

describe('translate', () => {
	it('fills placeholders and leaves unknown ones visible', () => {
		expect(translate({ k: 'Wait {seconds} s, {who}' }, 'k', { seconds: 30 })).toBe('Wait 30 s, {who}');
	});
	it('falls back to the key when the catalogue lacks it', () => {
		expect(translate({}, 'missing.key')).toBe('missing.key');
	});
});
