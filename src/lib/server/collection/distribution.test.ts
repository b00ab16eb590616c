import { beforeEach, describe, expect, it } from 'vitest';
import { invitationsCsv } from './distribution';

beforeEach(() => {
	expect.hasAssertions();
});

describe('invitationsCsv', () => {
	it('writes when each link was used on the survey’s clock, with the offset', () => {
		const invitation = { surveyId: 's1', batch: 'May', externalId: 'C-1', channelCode: null, createdAt: 0 };
		const csv = invitationsCsv('https://sat.example', { code: 'abc', settings: { timeZone: 'Asia/Shanghai' } }, [
			{ ...invitation, token: 'used', usedAt: Date.UTC(2026, 11, 2, 1, 0) },
			{ ...invitation, token: 'fresh', usedAt: null }
		]);
		const lines = csv.slice(1).trim().split('\r\n');
		expect(lines[0]).toBe('external_id,link,channel,batch,used_at');
		expect(lines[1]).toBe('C-1,https://sat.example/s/abc?t=used,,May,2026-12-02T09:00:00.000+08:00');
		expect(lines[2]).toBe('C-1,https://sat.example/s/abc?t=fresh,,May,');
	});
});
