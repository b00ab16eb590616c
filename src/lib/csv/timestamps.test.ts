import { beforeEach, describe, expect, it } from 'vitest';
import { parseTimestamp } from './timestamps';

beforeEach(() => {
	expect.hasAssertions();
});

describe('parseTimestamp', () => {
	it('reads zoned ISO times exactly and local times in the survey time zone', () => {
		expect(parseTimestamp('2024-01-02T03:04:05.678Z', 'Asia/Shanghai')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
		expect(parseTimestamp('2024-01-02T03:04+08:00', 'UTC')).toBe(Date.UTC(2024, 0, 1, 19, 4));
		expect(parseTimestamp('2024-03-05', 'Asia/Shanghai')).toBe(Date.UTC(2024, 2, 4, 16));
		expect(parseTimestamp('2024/3/5 14:30', 'Asia/Shanghai')).toBe(Date.UTC(2024, 2, 5, 6, 30));
	});

	it('follows daylight saving time', () => {
		expect(parseTimestamp('2024-07-01 12:00', 'Europe/Berlin')).toBe(Date.UTC(2024, 6, 1, 10));
		expect(parseTimestamp('2024-01-01 12:00', 'Europe/Berlin')).toBe(Date.UTC(2024, 0, 1, 11));
	});

	it.each(['2024-02-30', '2024-13-01', '2024-01-01 25:00', '0099-06-01', 'yesterday', '01/02/2024', ''])('refuses %j', (text) => {
		expect(parseTimestamp(text, 'UTC')).toBeUndefined();
	});
});
