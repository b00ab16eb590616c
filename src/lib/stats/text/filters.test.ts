import { beforeEach, describe, expect, it } from 'vitest';
import { matchesText, openAnswerSearch, parseOpenAnswerFilters } from './filters';

beforeEach(() => {
	expect.hasAssertions();
});

describe('open-answer filters', () => {
	it('parses and drops bad values', () => {
		const f = parseOpenAnswerFilters(new URLSearchParams('from=2026-13&to=2026-02&ch=b1&ch=b1&group=angry&q=%20x%20&term=&page=-2'));
		expect(f).toEqual({ from: null, to: '2026-02', channels: ['b1'], group: null, q: 'x', term: null, page: 1 });
		expect(parseOpenAnswerFilters(new URLSearchParams('group=detractor&page=3&term=排队')).group).toBe('detractor');
	});
	it('round-trips through links, back to page 1 on a change', () => {
		const f = parseOpenAnswerFilters(new URLSearchParams('from=2026-01&ch=a&group=promoter&q=50%25 off&page=4'));
		expect(openAnswerSearch(f, { term: '排队' })).toBe('?from=2026-01&ch=a&group=promoter&q=50%25+off&term=%E6%8E%92%E9%98%9F');
		expect(parseOpenAnswerFilters(new URLSearchParams(openAnswerSearch(f, { page: 4 })))).toEqual(f);
		expect(openAnswerSearch(parseOpenAnswerFilters(new URLSearchParams()))).toBe('?');
	});
	it('searches literally: pattern and SQL characters are plain text', () => {
		const terms = { words: [], phrases: [] };
		expect(matchesText('price (.*) too high', terms, { q: '(.*)', term: null })).toBe(true);
		expect(matchesText('price too high', terms, { q: '.*', term: null })).toBe(false);
		expect(matchesText("it's 50% off'; DROP TABLE responses; --", terms, { q: "'; drop table", term: null })).toBe(true);
		expect(matchesText('Slow QUEUE', terms, { q: 'queue', term: null })).toBe(true);
	});
	it('matches a picked word or phrase among the answer’s terms', () => {
		const terms = { words: ['排队', '时间'], phrases: ['排队时间'] };
		expect(matchesText('排队时间太长', terms, { q: '', term: '排队时间' })).toBe(true);
		expect(matchesText('排队时间太长', terms, { q: '', term: '排' })).toBe(false);
	});
});
