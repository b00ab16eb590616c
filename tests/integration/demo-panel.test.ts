// The demo's customer panel on each engine: contacts with tier and region, two waves sent through
// the outbox (kept without SMTP) and responses linked to their contacts, so campaign response rates
// and wave migrations show on first run; tier and region marked as report segments, so the demo
// report filtered by tier is read from the store's segment cells and equals the raw recomputation.
// Also times the demo load with and without the panel.
import { performance } from 'node:perf_hooks';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildSurveyReport } from '../../src/lib/server/analysis/report';
import { surveyWaveMigrations } from '../../src/lib/server/analysis/waves';
import { campaignReport } from '../../src/lib/server/campaigns';
import { contactHistory } from '../../src/lib/server/contacts';
import { loadDemoWorkspace } from '../../src/lib/server/demo/load-demo';
import { JobWorker } from '../../src/lib/server/jobs/worker';
import { mailConfig } from '../../src/lib/server/mail/config';
import { createMailTransport, mailSendHandler } from '../../src/lib/server/mail/send-handler';
import { listCampaigns } from '../../src/lib/server/repo/campaigns';
import { listContactAttributes } from '../../src/lib/server/repo/contacts';
import { insertUser } from '../../src/lib/server/repo/users';
import { parseReportFilters } from '../../src/lib/stats/report/filters';
import { engines, useTestDb } from './databases';
import { expectSameNumbers } from './same-numbers';

beforeEach(() => {
	expect.hasAssertions();
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe.each(engines)('demo panel on %s', (engine) => {
	const t = useTestDb(engine);

	it('loads the panel’s contacts, two waves through the outbox and their responses, at a measured cost', { timeout: 600_000 }, async () => {
		const admin = await insertUser(t.db, { email: `admin-${engine}@example.com`, name: 'Admin', passwordHash: 'x', role: 'admin' });
		// Alternating rounds in one database, so both sides see the same machine load and table sizes.
		const rounds = engine === 'sqlite' ? 3 : 1;
		const times = { without: [] as number[], with: [] as number[] };
		let bank = '';
		for (let round = 0; round < rounds; round++) {
			let start = performance.now();
			await loadDemoWorkspace(t.db, admin, { panel: false });
			times.without.push(performance.now() - start);
			start = performance.now();
			[bank] = await loadDemoWorkspace(t.db, admin, { origin: 'https://satindex.example' });
			times.with.push(performance.now() - start);
		}
		const [a, b] = [median(times.without), median(times.with)];
		console.info(`demo load on ${engine} (median of ${rounds}): without the panel ${a.toFixed(0)} ms, with it ${b.toFixed(0)} ms (+${(b - a).toFixed(0)} ms, ${(b / a).toFixed(2)}×); rounds without ${times.without.map((x) => x.toFixed(0)).join(', ')}, with ${times.with.map((x) => x.toFixed(0)).join(', ')}`);

		// A second load finds the customers already there and invites the same ones.
		const contacts = await t.db.selectFrom('contacts').select(['email', 'attributes']).execute();
		expect(contacts).toHaveLength(160);
		expect(contacts.every((c) => c.email!.endsWith('@example.com'))).toBe(true);
		expect(new Set(contacts.map((c) => (JSON.parse(c.attributes) as { tier: string }).tier))).toEqual(new Set(['core', 'general']));

		const [second, first] = await listCampaigns(t.db, bank);
		expect([first.wave, second.wave, second.audience]).toEqual([1, 2, { kind: 'campaign', campaignId: first.id }]);
		// The app's worker keeps the messages when no SMTP server is configured.
		const config = mailConfig({ SATINDEX_MAIL_RATE: '0' });
		const worker = new JobWorker(t.db, [mailSendHandler(t.db, createMailTransport(config), config)], { batchSize: 500 });
		while ((await worker.runBatch()) > 0);
		for (const campaign of [first, second]) {
			const { counts } = (await campaignReport(t.db, admin, campaign.id))!;
			expect(counts.sent).toBe(160);
			expect(counts.started).toBeGreaterThan(counts.completed);
			expect(counts.responseRate).toBeGreaterThan(0.4);
			expect(counts.responseRate).toBeLessThan(0.7);
		}
		const waves = (await surveyWaveMigrations(t.db, bank))!;
		const [move] = waves.migrations;
		expect(move.panelists).toBeGreaterThan(40);
		expect(move.nps.n).toBeGreaterThan(30);
		expect(move.segments!.n).toBeGreaterThan(30);
		expect(move.nps.stayed).toBeLessThan(move.nps.n);

		const someone = await t.db.selectFrom('campaign_recipients as r').innerJoin('responses as s', 's.invitation_id', 'r.invitation_id').select('r.contact_id').where('r.campaign_id', '=', second.id).executeTakeFirstOrThrow();
		const history = await contactHistory(t.db, admin, someone.contact_id);
		expect(history.map((h) => h.wave)).toContain(2);
	});

	it('answers the demo report filtered by tier from the store, with the numbers of the raw recomputation', { timeout: 120_000 }, async () => {
		const admin = await insertUser(t.db, { email: `researcher-${engine}@example.com`, name: 'R', passwordHash: 'x', role: 'researcher' });
		const [bank] = await loadDemoWorkspace(t.db, admin);
		expect((await listContactAttributes(t.db)).filter((a) => a.segment).map((a) => a.key).sort()).toEqual(['region', 'tier']);
		// Each panel response carries its contact's attributes; the anonymous ones carry none.
		const rows = await t.db
			.selectFrom('responses as s')
			.leftJoin('campaign_recipients as r', 'r.invitation_id', 's.invitation_id')
			.leftJoin('contacts as c', 'c.id', 'r.contact_id')
			.select(['s.contact_values', 'c.attributes'])
			.where('s.survey_id', '=', bank)
			.execute();
		expect(rows.filter((r) => r.attributes !== null).length).toBeGreaterThan(100);
		expect(rows.every((r) => r.contact_values === r.attributes)).toBe(true);
		const tierOf = rows.flatMap((r) => (r.contact_values ? [(JSON.parse(r.contact_values) as { tier: string }).tier] : []));

		const report = (search: string, source?: 'raw') => buildSurveyReport(t.db, bank, parseReportFilters(new URLSearchParams(search)), { source });
		const unfiltered = (await report(''))!;
		expect(new Map(unfiltered.available.contactSegments.map((s) => [s.key, s.values]))).toEqual(
			new Map([
				['tier', ['core', 'general']],
				['region', ['East', 'North', 'South', 'West']]
			])
		);
		for (const search of ['cs=tier:core', 'cs=tier:general', 'cs=region:North&cs=region:East&unit=month']) {
			const store = (await report(search))!;
			const raw = (await report(search, 'raw'))!;
			expect([store.model.source, store.timing.scanned]).toEqual(['store', null]);
			expectSameNumbers({ ...raw.model, source: 'store' }, store.model);
		}
		const [core, general] = [(await report('cs=tier:core'))!, (await report('cs=tier:general'))!];
		expect([core.model.n, general.model.n]).toEqual([tierOf.filter((t) => t === 'core').length, tierOf.filter((t) => t === 'general').length]);
	});
});
