import { beforeEach, describe, expect, it } from 'vitest';
import { metadataChecker, type MetadataInput } from './response-metadata';

beforeEach(() => {
	expect.hasAssertions();
});

const now = Date.UTC(2026, 11, 2, 9, 0);
const check = metadataChecker({ now, timeZone: 'Asia/Shanghai', languages: ['zh-CN', 'en'], channels: ['branch-1', 'web'] });
/** 1990-01-01 00:00 in Shanghai. */
const earliest = Date.UTC(1989, 11, 31, 16);

describe('metadataChecker', () => {
	it.each<[string, MetadataInput, object]>([
		['nothing given', {}, { submittedAt: null, channel: null, language: null }],
		['empty texts as not given', { channel: ' ', language: '' }, { submittedAt: null, channel: null, language: null }],
		['the first instant of 1990 in the survey time zone', { submittedAt: earliest }, { submittedAt: earliest }],
		['a clock five minutes fast', { submittedAt: now + 5 * 60_000 }, { submittedAt: now + 5 * 60_000 }],
		['a known channel, trimmed', { channel: ' web ' }, { channel: 'web' }],
		['a language in any case or without its region', { language: 'ZH' }, { language: 'zh-CN' }],
		['a language spelled as the survey does', { language: 'en' }, { language: 'en' }]
	])('accepts %s', (_, input, expected) => {
		const result = check(input);
		expect(result.ok && result.metadata).toMatchObject(expected);
	});

	it.each<[string, MetadataInput, Record<string, string>]>([
		['year 9999', { submittedAt: Date.UTC(9999, 11, 31) }, { submittedAt: 'data.metadata.future' }],
		['a clock more than five minutes fast', { submittedAt: now + 5 * 60_000 + 1 }, { submittedAt: 'data.metadata.future' }],
		['the last instant of 1989 in the survey time zone', { submittedAt: earliest - 1 }, { submittedAt: 'data.metadata.beforeEarliest' }],
		['the epoch', { submittedAt: 0 }, { submittedAt: 'data.metadata.beforeEarliest' }],
		['a channel the survey does not have', { channel: 'nope' }, { channel: 'data.metadata.unknownChannel' }],
		['a channel in another case', { channel: 'WEB' }, { channel: 'data.metadata.unknownChannel' }],
		['a language the survey does not offer', { language: 'fr' }, { language: 'data.metadata.unknownLanguage' }],
		['every bad field at once', { submittedAt: 1, channel: 'x', language: 'de' }, { submittedAt: 'data.metadata.beforeEarliest', channel: 'data.metadata.unknownChannel', language: 'data.metadata.unknownLanguage' }]
	])('refuses %s', (_, input, expected) => {
		const result = check(input);
		expect(result.ok ? result : Object.fromEntries(Object.entries(result.errors).map(([field, issue]) => [field, issue.key]))).toEqual(expected);
	});

	it('names the allowed languages, the skew and the earliest year in its messages', () => {
		const result = check({ submittedAt: now + 3_600_000, language: 'fr' });
		expect(!result.ok && result.errors).toEqual({
			submittedAt: { key: 'data.metadata.future', params: { minutes: 5 } },
			language: { key: 'data.metadata.unknownLanguage', params: { languages: 'zh-CN, en' } }
		});
		const early = check({ submittedAt: 0 });
		expect(!early.ok && early.errors.submittedAt).toEqual({ key: 'data.metadata.beforeEarliest', params: { year: 1990 } });
	});
});
