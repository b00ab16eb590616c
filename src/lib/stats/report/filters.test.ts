import { beforeEach, describe, expect, it } from 'vitest';
import { filtersToSearch, matchesContact, matchesSegment, parseReportFilters } from './filters';

beforeEach(() => {
	expect.hasAssertions();
});

describe('report filters', () => {
	it('round-trips through search parameters and drops malformed values', () => {
		const params = new URLSearchParams('from=2025-06&to=2025-01&ch=BR-EAST&ch=BR-EAST&unit=month&seg=SEG:business&seg=bad&seg=SEG:private');
		const filters = parseReportFilters(params);
		expect(filters).toEqual({ from: '2025-01', to: '2025-06', channels: ['BR-EAST'], unit: 'month', segment: { SEG: ['business', 'private'] }, contact: {} });
		expect(parseReportFilters(filtersToSearch(filters))).toEqual(filters);
		expect(parseReportFilters(new URLSearchParams('from=2025-13&unit=week'))).toMatchObject({ from: null, unit: 'quarter' });
	});

	it('reads contact attribute filters (values may hold colons and Chinese) and round-trips them', () => {
		const params = new URLSearchParams('cs=tier:core&cs=tier:general&cs=地区:华东:上海&cs=bad key:x&cs=tier:');
		const filters = parseReportFilters(params);
		expect(filters.contact).toEqual({ tier: ['core', 'general'], 地区: ['华东:上海'] });
		expect(parseReportFilters(filtersToSearch(filters))).toEqual(filters);
	});

	it('matches contact values, and never a response without a contact', () => {
		expect(matchesContact({ tier: 'core', region: 'east' }, { tier: ['core'], region: ['east', 'west'] })).toBe(true);
		expect(matchesContact({ tier: 'general' }, { tier: ['core'] })).toBe(false);
		expect(matchesContact(null, { tier: ['core'] })).toBe(false);
		expect(matchesContact(null, {})).toBe(true);
	});

	it('carries the segment cut-offs and drops ones that are not whole numbers on a scale', () => {
		const filters = parseReportFilters(new URLSearchParams('hs=8&hl=9&hv=x'));
		expect(filters.cutoffs).toEqual({ satisfaction: 8, loyalty: 9 });
		expect(parseReportFilters(filtersToSearch(filters))).toEqual(filters);
		expect(parseReportFilters(new URLSearchParams('hs=7.5&hl=-1')).cutoffs).toBeUndefined();
	});

	it('matches single and multiple choice answers', () => {
		expect(matchesSegment({ SEG: 'business' }, { SEG: ['business'] })).toBe(true);
		expect(matchesSegment({ SEG: ['a', 'b'] }, { SEG: ['b'] })).toBe(true);
		expect(matchesSegment({}, { SEG: ['b'] })).toBe(false);
		expect(matchesSegment({ SEG: 'x' }, {})).toBe(true);
	});
});
