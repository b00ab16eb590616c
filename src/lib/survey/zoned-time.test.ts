import { beforeEach, describe, expect, it } from 'vitest';
import { epochToZoned, epochToZonedIso, zonedToEpoch } from './zoned-time';

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
	it('writes ISO 8601 with the zone’s offset, which reads back to the same instant', () => {
		const cases: [number, string, string][] = [
			[Date.UTC(2026, 11, 2, 1, 0, 0, 5), 'Asia/Shanghai', '2026-12-02T09:00:00.005+08:00'],
			[Date.UTC(2026, 6, 1, 3, 30), 'America/New_York', '2026-06-30T23:30:00.000-04:00'],
			[Date.UTC(2026, 0, 1, 3, 30), 'America/New_York', '2025-12-31T22:30:00.000-05:00'],
			[Date.UTC(2026, 0, 1, 0, 0), 'Asia/Kolkata', '2026-01-01T05:30:00.000+05:30'],
			[Date.UTC(2026, 0, 1, 0, 0), 'UTC', '2026-01-01T00:00:00.000+00:00']
		];
		for (const [ms, zone, text] of cases) {
			expect(epochToZonedIso(ms, zone)).toBe(text);
			expect(Date.parse(text)).toBe(ms);
		}
	});
});
