import { beforeEach, describe, expect, it } from 'vitest';
import { filtersToSearch, matchesSegment, parseReportFilters } from './filters';

beforeEach(() => {
	expect.hasAssertions();
});

describe('report filters', () => {
	it('round-trips through search parameters and drops malformed values', () => {
		const params = new URLSearchParams('from=2025-06&to=2025-01&ch=BR-EAST&ch=BR-EAST&unit=month&seg=SEG:business&seg=bad&seg=SEG:private');
		const filters = parseReportFilters(params);
		expect(filters).toEqual({ from: '2025-01', to: '2025-06', channels: ['BR-EAST'], unit: 'month', segment: { SEG: ['business', 'private'] } });
		expect(parseReportFilters(filtersToSearch(filters))).toEqual(filters);
		expect(parseReportFilters(new URLSearchParams('from=2025-13&unit=week'))).toMatchObject({ from: null, unit: 'quarter' });
	});

	it('matches single and multiple choice answers', () => {
		expect(matchesSegment({ SEG: 'business' }, { SEG: ['business'] })).toBe(true);
		expect(matchesSegment({ SEG: ['a', 'b'] }, { SEG: ['b'] })).toBe(true);
		expect(matchesSegment({}, { SEG: ['b'] })).toBe(false);
		expect(matchesSegment({ SEG: 'x' }, {})).toBe(true);
	});
});
