// Contact attributes as report segments, on both engines: a response given through a contact's
// invitation keeps the contact's attributes as they were; the store keeps cells per value of each
// attribute marked as a segment; a report filtered by one is read from those cells and gives the
// same numbers as the raw recomputation (to 1e-9); marking an attribute rebuilds the store (in a job).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analysisRebuildHandler } from '../../src/lib/server/analysis/rebuild-job';
import { buildSurveyReport } from '../../src/lib/server/analysis/report';
import { submitResponse } from '../../src/lib/server/collection/submit';
import { markSegmentAttributes } from '../../src/lib/server/contacts';
import { loadDemoWorkspace } from '../../src/lib/server/demo/load-demo';
import { randomToken } from '../../src/lib/server/ids';
import { JobWorker } from '../../src/lib/server/jobs/worker';
import { insertResponsesInBulk } from '../../src/lib/server/repo/analysis-store';
import { ensureContactAttribute, insertContact, updateContactFields } from '../../src/lib/server/repo/contacts';
import { insertCampaign, insertRecipients } from '../../src/lib/server/repo/campaigns';
import { insertInvitations } from '../../src/lib/server/repo/invitations';
import { findSurveyById } from '../../src/lib/server/repo/surveys';
import { insertUser, type User } from '../../src/lib/server/repo/users';
import { mulberry32 } from '../../src/lib/stats/random';
import type { ReportFilters } from '../../src/lib/stats/report/model';
import { createOpenSurvey, validAnswers } from './collection-fixtures';
import { engines, useTestDb } from './databases';
import { expectSameNumbers } from './same-numbers';

beforeEach(() => {
	expect.hasAssertions();
});

const allTime: ReportFilters = { from: null, to: null, channels: [], segment: {}, unit: 'quarter' };
const fields = (externalId: string, attributes: Record<string, string>) => ({ externalId, email: null, name: externalId, language: null, attributes });

describe.each(engines)('contact segments in reports on %s', (engine) => {
	const t = useTestDb(engine);
	let admin: User;
	let bank: string;

	beforeAll(async () => {
		admin = await insertUser(t.db, { email: 'admin@example.com', name: 'Admin', passwordHash: 'x', role: 'admin' });
		[bank] = await loadDemoWorkspace(t.db, { id: admin.id, email: admin.email });
		// The demo panel marks tier and region already; branch is this suite's own.
		await ensureContactAttribute(t.db, 'branch', 'branch', 0);
		expect(await markSegmentAttributes(t.db, admin, ['tier', 'region'])).toEqual({ ok: true, changed: false });
	});

	it('keeps the attributes a contact had when answering, through a campaign or a batch invitation', async () => {
		const survey = await createOpenSurvey(t.db);
		await insertContact(t.db, 'c-batch', fields('EXT-1', { tier: 'core', region: 'east' }), null, 0);
		await insertContact(t.db, 'c-mail', fields('EXT-2', { tier: 'general' }), null, 0);
		const [batch] = await insertInvitations(t.db, survey.id, ['EXT-1'], { batch: 'May', channelCode: null });
		const [mailed] = await insertInvitations(t.db, survey.id, [null], { batch: 'Spring mail', channelCode: null });
		await insertCampaign(t.db, { id: 'cmp', surveyId: survey.id, name: 'Spring mail', audience: { kind: 'all' }, templates: {}, createdBy: null, createdAt: 0, sentAt: 0, reminderDays: [], wave: 1, channelCode: null });
		await insertRecipients(t.db, 'cmp', [{ contactId: 'c-mail', invitationId: mailed.token, language: 'en', skipped: null }], 0);
		for (const token of [batch.token, mailed.token, null]) expect((await submitResponse(t.db, { survey, raw: validAnswers, source: 'web', invitationToken: token })).ok).toBe(true);
		await updateContactFields(t.db, 'c-batch', fields('EXT-1', { tier: 'general', region: 'west' }), 1);
		const rows = await t.db.selectFrom('responses').select(['invitation_id', 'contact_values']).where('survey_id', '=', survey.id).execute();
		const valuesOf = (token: string | null) => rows.find((r) => r.invitation_id === token)?.contact_values;
		expect(JSON.parse(valuesOf(batch.token)!)).toEqual({ tier: 'core', region: 'east' });
		expect(JSON.parse(valuesOf(mailed.token)!)).toEqual({ tier: 'general' });
		expect(valuesOf(null)).toBeNull();
		const core = await buildSurveyReport(t.db, survey.id, { ...allTime, contact: { tier: ['core'] } });
		expect(core!.model.source).toBe('store');
		expect(core!.model.n).toBe(1);
		expect(core!.available.contactSegments.find((s) => s.key === 'tier')?.values).toEqual(['core', 'general']);
	});

	it('answers a segment filter from the store with the numbers of the raw recomputation', async () => {
		const survey = await findSurveyById(t.db, bank);
		const random = mulberry32(7);
		const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
		const batch = Array.from({ length: 1200 }, () => ({
			versionId: survey!.currentVersionId!,
			language: 'en',
			channel: pick([null, 'BR-NORTH', 'BR-EAST']),
			submittedAt: Date.UTC(2025, Math.floor(random() * 12), 1 + Math.floor(random() * 27)),
			answers: { REL1_P: 1 + Math.floor(random() * 7), REL2_P: random() < 0.2 ? null : 1 + Math.floor(random() * 7), SAT1: Math.floor(random() * 11), NPS1: Math.floor(random() * 11), TAN1_E: 9 }
		}));
		const ids = await insertResponsesInBulk(t.db, bank, batch, randomToken);
		const byValues = new Map<string | null, string[]>();
		for (const id of ids) {
			const values = random() < 0.1 ? null : JSON.stringify({ tier: pick(['core', 'general']), region: pick(['east', 'west', '华北']), branch: pick(['a', 'b']) });
			byValues.set(values, [...(byValues.get(values) ?? []), id]);
		}
		for (const [values, group] of byValues) await t.db.updateTable('responses').set({ contact_values: values }).where('id', 'in', group).execute();
		const cases: ReportFilters[] = [
			{ ...allTime, contact: { tier: ['core'] } },
			{ ...allTime, contact: { region: ['east', '华北'] }, channels: ['BR-EAST'], from: '2025-03', to: '2025-10', unit: 'month' }
		];
		for (const filters of cases) {
			const store = await buildSurveyReport(t.db, bank, filters);
			const raw = await buildSurveyReport(t.db, bank, filters, { source: 'raw' });
			expect(store!.model.source).toBe('store');
			expect(store!.timing.scanned).toBeNull();
			expect(store!.model.n).toBeGreaterThan(50);
			expectSameNumbers({ ...raw!.model, source: 'store' }, store!.model);
		}
		const both = await buildSurveyReport(t.db, bank, { ...allTime, contact: { tier: ['core'], region: ['east'] } });
		expect(both!.model.source).toBe('raw');
		const core = await buildSurveyReport(t.db, bank, cases[0]);
		expect(both!.model.n).toBeLessThan(core!.model.n);
	}, 60_000);

	it('rebuilds the store in a job when an attribute is marked, then serves it from the store', async () => {
		const filters = { ...allTime, contact: { branch: ['a'] } };
		const before = await buildSurveyReport(t.db, bank, filters);
		expect(before!.model.source).toBe('raw');
		await markSegmentAttributes(t.db, admin, ['tier', 'region', 'branch']);
		const stale = await t.db.selectFrom('analysis_segment_cells').select('attribute').distinct().where('survey_id', '=', bank).execute();
		expect(stale.map((r) => r.attribute).sort()).toEqual(['region', 'tier']);
		const worker = new JobWorker(t.db, [analysisRebuildHandler(t.db)]);
		while ((await worker.runBatch()) > 0);
		const after = await buildSurveyReport(t.db, bank, filters);
		expect(after!.model.source).toBe('store');
		expectSameNumbers({ ...before!.model, source: 'store' }, after!.model);
	}, 60_000);

	it('refuses to mark an unknown attribute and lets viewers mark nothing', async () => {
		expect(await markSegmentAttributes(t.db, admin, ['nope'])).toEqual({ ok: false, reason: 'unknownAttribute' });
		const viewer = await insertUser(t.db, { email: 'v@example.com', name: 'V', passwordHash: 'x', role: 'viewer' });
		await expect(markSegmentAttributes(t.db, viewer, [])).rejects.toThrow('errors.forbidden');
	});
});
