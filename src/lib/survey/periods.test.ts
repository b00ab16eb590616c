import { beforeEach, describe, expect, it } from 'vitest';
import { bucketOf, bucketsOf, isMonth, monthOf, monthsBetween, periodLabel } from './periods';

beforeEach(() => {
	expect.hasAssertions();
});

describe('periods', () => {
	it('puts an instant in the month of the survey time zone, not UTC', () => {
		const newYearShanghai = Date.UTC(2024, 11, 31, 16, 30); // 00:30 on 1 January 2025 in Shanghai
		expect(monthOf(newYearShanghai, 'Asia/Shanghai')).toBe('2025-01');
		expect(monthOf(newYearShanghai, 'UTC')).toBe('2024-12');
		expect(monthOf(newYearShanghai, 'America/New_York')).toBe('2024-12');
	});

	it.each([
		['2025-01', 'quarter', '2025-Q1'],
		['2025-03', 'quarter', '2025-Q1'],
		['2025-04', 'quarter', '2025-Q2'],
		['2025-12', 'quarter', '2025-Q4'],
		['2025-07', 'year', '2025'],
		['2025-07', 'month', '2025-07']
	] as const)('buckets %s by %s as %s', (month, unit, bucket) => {
		expect(bucketOf(month, unit)).toBe(bucket);
	});

	it('lists months across a year boundary and buckets them once each', () => {
		const months = monthsBetween('2024-11', '2025-02');
		expect(months).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
		expect(bucketsOf(months, 'quarter')).toEqual(['2024-Q4', '2025-Q1']);
		expect(monthsBetween('2025-02', '2025-01')).toEqual([]);
	});

	it('checks month strings and labels buckets in both languages', () => {
		expect(isMonth('2025-13')).toBe(false);
		expect(isMonth('2025-09')).toBe(true);
		expect(periodLabel('2025-Q2', 'zh-CN')).toBe('2025年第2季度');
		expect(periodLabel('2025-Q2', 'en')).toBe('Q2 2025');
		expect(periodLabel('2025', 'zh-CN')).toBe('2025年');
		expect(periodLabel('2025-03', 'en')).toBe('Mar 2025');
	});
});
