import { beforeEach, describe, expect, it } from 'vitest';
import { epochToZoned, zonedToEpoch } from './zoned-time';

beforeEach(() => {
	expect.hasAssertions();
});

describe('zoned times', () => {
	it('reads a wall-clock time in the survey time zone', () => {
		expect(zonedToEpoch('2026-12-01T09:00', 'Asia/Shanghai')).toBe(Date.UTC(2026, 11, 1, 1, 0));
		expect(zonedToEpoch('2026-07-01T09:00', 'Europe/London')).toBe(Date.UTC(2026, 6, 1, 8, 0));
		expect(zonedToEpoch('2026-01-01T09:00', 'Europe/London')).toBe(Date.UTC(2026, 0, 1, 9, 0));
	});
	it('round-trips, across a daylight-saving change too', () => {
		for (const local of ['2026-03-29T03:30', '2026-10-25T00:15', '2026-06-15T23:59']) {
			expect(epochToZoned(zonedToEpoch(local, 'Europe/Berlin')!, 'Europe/Berlin')).toBe(local);
		}
	});
	it('refuses what is not a time', () => {
		expect(zonedToEpoch('', 'UTC')).toBeNull();
		expect(zonedToEpoch('2026-02-30T10:00', 'UTC')).toBeNull();
		expect(zonedToEpoch('2026-02-10T25:00', 'UTC')).toBeNull();
	});
});
