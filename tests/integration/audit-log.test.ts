import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseAuditQuery, readAuditLog, type AuditQuery } from '../../src/lib/server/audit/audit-log';
import { insertContact } from '../../src/lib/server/repo/contacts';
import { recordAudit } from '../../src/lib/server/repo/audit';
import { insertUser, type User } from '../../src/lib/server/repo/users';
import type { Survey } from '../../src/lib/server/repo/surveys';
import { createOpenSurvey } from './collection-fixtures';
import { engines, useTestDb } from './databases';

const ZONE = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);
const query = (params: Record<string, string>): AuditQuery => parseAuditQuery(new URLSearchParams(params));

describe.each(engines)('the audit log on %s', (engine) => {
	const t = useTestDb(engine);
	let ann: User;
	let bo: User;
	let viewer: User;
	let survey: Survey;

	beforeAll(async () => {
		ann = await insertUser(t.db, { email: 'ann@example.com', name: 'Ann Lee', passwordHash: 'x', role: 'admin' });
		bo = await insertUser(t.db, { email: 'bo@example.com', name: '陈博', passwordHash: 'x', role: 'researcher' });
		viewer = await insertUser(t.db, { email: 'vi@example.com', name: 'Vi', passwordHash: 'x', role: 'viewer' });
		survey = await createOpenSurvey(t.db, { owner_id: bo.id, title: '网点满意度' });
		await insertContact(t.db, 'contact-1', { externalId: 'C1', email: 'wang@example.com', name: '王芳', language: 'zh-CN', attributes: {} }, null, at('2026-03-01T00:00:00Z'));
		await recordAudit(t.db, { action: 'login.success', actor: ann }, at('2026-03-01T10:00:00Z'));
		// 07:30 on 3 March in Shanghai, still 2 March in UTC: the date filter reads the reader's zone.
		await recordAudit(t.db, { action: 'survey.status', actor: bo, target: survey.id, detail: { status: 'open' } }, at('2026-03-02T23:30:00Z'));
		await recordAudit(t.db, { action: 'survey.shared', actor: bo, target: survey.id, detail: { with: ann.email, access: 'view' } }, at('2026-03-03T01:00:00Z'));
		await recordAudit(t.db, { action: 'contact.updated', actor: bo, target: 'contact-1' }, at('2026-03-04T02:00:00Z'));
		// Sixty failed sign-ins in one millisecond: paging must neither skip nor repeat any of them.
		for (let i = 0; i < 60; i++) await recordAudit(t.db, { action: 'login.failure', target: `guess${i}@example.com` }, at('2026-03-05T00:00:00Z'));
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	it('filters by who', async () => {
		const page = await readAuditLog(t.db, ann, 'en', ZONE, query({ who: bo.id }));
		expect(page.lines.map((l) => l.facts.action)).toEqual(['contact.updated', 'survey.shared', 'survey.status']);
		expect(page.lines.every((l) => l.facts.actor === '陈博')).toBe(true);
		expect(page.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Ann Lee', '陈博', 'Vi']));
	});

	it('filters by what, a kind of action', async () => {
		const page = await readAuditLog(t.db, ann, 'en', ZONE, query({ what: 'surveys' }));
		expect(page.lines.map((l) => l.facts.action)).toEqual(['survey.shared', 'survey.status']);
		const signIns = await readAuditLog(t.db, ann, 'en', ZONE, query({ what: 'signIn', who: ann.id }));
		expect(signIns.lines.map((l) => l.facts.action)).toEqual(['login.success']);
	});

	it('filters by days in the reader’s time zone, both ends included', async () => {
		const day = await readAuditLog(t.db, ann, 'en', ZONE, query({ from: '2026-03-03', to: '2026-03-03' }));
		expect(day.lines.map((l) => l.facts.action)).toEqual(['survey.shared', 'survey.status']);
		const upTo = await readAuditLog(t.db, ann, 'en', ZONE, query({ to: '2026-03-02' }));
		expect(upTo.lines.map((l) => l.facts.action)).toEqual(['login.success']);
		expect(upTo.invalidDates).toBe(false);
	});

	it('says when the dates are not a range, and still filters by the rest', async () => {
		const page = await readAuditLog(t.db, ann, 'en', ZONE, query({ from: '2026-03-04', to: '2026-03-01', who: bo.id }));
		expect(page.invalidDates).toBe(true);
		expect(page.lines).toHaveLength(3);
		expect((await readAuditLog(t.db, ann, 'en', ZONE, query({ from: '2026-02-30' }))).invalidDates).toBe(true);
	});

	it('pages through entries of one millisecond without skipping or repeating', async () => {
		const first = await readAuditLog(t.db, ann, 'en', ZONE, query({ what: 'signIn' }));
		expect(first.lines).toHaveLength(50);
		expect(first.next).not.toBeNull();
		const second = await readAuditLog(t.db, ann, 'en', ZONE, query({ what: 'signIn', before: first.next! }));
		expect(second.next).toBeNull();
		const ids = [...first.lines, ...second.lines].map((l) => l.id);
		expect(new Set(ids).size).toBe(61);
		expect(second.lines.at(-1)?.facts.action).toBe('login.success');
	});

	it('puts names where the log holds ids and emails', async () => {
		const page = await readAuditLog(t.db, ann, 'zh-CN', ZONE, query({ who: bo.id }));
		const shared = page.lines.find((l) => l.facts.action === 'survey.shared')!;
		expect(shared.facts.target).toEqual({ kind: 'survey', name: '网点满意度' });
		expect(shared.facts.detail.with).toEqual({ kind: 'user', name: 'Ann Lee' });
		expect(page.lines.find((l) => l.facts.action === 'contact.updated')?.facts.target).toEqual({ kind: 'contact', name: '王芳' });
		const failure = (await readAuditLog(t.db, ann, 'en', ZONE, query({ what: 'signIn' }))).lines[0];
		// An address without an account stays as it was typed.
		expect(failure.facts.target).toEqual({ kind: 'user', name: expect.stringMatching(/^guess\d+@example\.com$/) });
	});

	it('shows contact names only to readers who may see the contact list', async () => {
		const page = await readAuditLog(t.db, viewer, 'en', ZONE, query({ who: bo.id }));
		expect(page.lines.find((l) => l.facts.action === 'contact.updated')?.facts.target).toEqual({ kind: 'contact', name: null });
	});
});
