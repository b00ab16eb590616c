// The analysis store on both engines: folding is exact (incremental = rebuilt after random inserts
// and bulk imports), safe when several folds run at once, and reports from the store give the same
// numbers as reports computed from the raw responses (to 1e-9).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSurveyReport } from '../../src/lib/server/analysis/report';
import { foldSurvey, rebuildSurveyStore } from '../../src/lib/server/analysis/fold';
import { loadDemoWorkspace } from '../../src/lib/server/demo/load-demo';
import { randomToken } from '../../src/lib/server/ids';
import { countUncounted, insertResponsesInBulk, lockSurveyStore, readCells } from '../../src/lib/server/repo/analysis-store';
import { findSurveyById } from '../../src/lib/server/repo/surveys';
import { insertUser } from '../../src/lib/server/repo/users';
import { mulberry32 } from '../../src/lib/stats/random';
import type { ReportFilters } from '../../src/lib/stats/report/model';
import { engines, useTestDb } from './databases';
import { expectSameNumbers } from './same-numbers';

beforeEach(() => {
	expect.hasAssertions();
});

const allTime: ReportFilters = { from: null, to: null, channels: [], segment: {}, unit: 'quarter' };

async function snapshot(db: Parameters<typeof readCells>[0], surveyId: string) {
	const cells = await readCells(db, surveyId);
	return cells.map((c) => ({ key: `${c.versionId}/${c.period}/${c.channel}`, rows: c.rows, data: JSON.parse(c.data) })).sort((a, b) => a.key.localeCompare(b.key));
}

describe.each(engines)('analysis store on %s', (engine) => {
	const t = useTestDb(engine);
	let bank: string;
	let versionId: string;

	beforeAll(async () => {
		const admin = await insertUser(t.db, { email: 'admin@example.com', name: 'Admin', passwordHash: 'x', role: 'admin' });
		[bank] = await loadDemoWorkspace(t.db, { id: admin.id, email: admin.email });
		versionId = (await findSurveyById(t.db, bank))!.currentVersionId!;
	});

	it('locks per survey with the engine-specific branch', async () => {
		const how = await t.db.transaction().execute((trx) => lockSurveyStore(trx, bank));
		expect(how).toBe(engine === 'postgres' ? 'advisory' : 'writer');
	});

	it('names the branch where the planted drop happened by its name, from the store', async () => {
		const report = await buildSurveyReport(t.db, bank, allTime);
		expect(report!.model.source).toBe('store');
		const drop = report!.findings.find((f) => f.key.startsWith('findings.biggestDrop'))!;
		expect(drop).toMatchObject({ key: 'findings.biggestDropAt', params: { channel: { name: { en: 'East branch', zh: '城东支行' } }, period: { period: '2025-Q3' } } });
	});

	it('keeps incremental statistics identical to a rebuild after random inserts and imports', async () => {
		const random = mulberry32(42);
		const pick = (list: string[]) => list[Math.floor(random() * list.length)];
		for (let round = 0; round < 6; round++) {
			const batch = Array.from({ length: 1 + Math.floor(random() * (round % 2 ? 400 : 5)) }, () => ({
				versionId,
				language: 'en',
				channel: random() < 0.1 ? null : pick(['BR-NORTH', 'BR-EAST', 'NEW-CH']),
				submittedAt: Date.UTC(2025, Math.floor(random() * 12), 1 + Math.floor(random() * 27)),
				answers: { REL1_P: 1 + Math.floor(random() * 7), REL2_P: random() < 0.2 ? null : 3, SAT1: Math.floor(random() * 11), NPS1: 10, TAN1_E: 9, SEG: 'business' }
			}));
			await insertResponsesInBulk(t.db, bank, batch, randomToken);
			if (round % 2 === 0) await foldSurvey(t.db, bank);
		}
		await foldSurvey(t.db, bank);
		const incremental = await snapshot(t.db, bank);
		await rebuildSurveyStore(t.db, bank);
		expect(await snapshot(t.db, bank)).toEqual(incremental);
		expect(await countUncounted(t.db, bank)).toBe(0);
	});

	it('counts every response exactly once when several folds run at the same time', async () => {
		const batch = Array.from({ length: 3000 }, (_, i) => ({ versionId, language: 'zh-CN', channel: 'BR-WEST', submittedAt: Date.UTC(2025, 5, 1 + (i % 28)), answers: { REL1_P: 1 + (i % 7), SAT1: i % 11 } }));
		await insertResponsesInBulk(t.db, bank, batch, randomToken);
		const results = await Promise.all([1, 2, 3, 4].map(() => foldSurvey(t.db, bank)));
		expect(results.reduce((s, r) => s + r.folded, 0)).toBe(3000);
		const folded = await snapshot(t.db, bank);
		await rebuildSurveyStore(t.db, bank);
		expect(await snapshot(t.db, bank)).toEqual(folded);
		const survey = await findSurveyById(t.db, bank);
		expect(folded.reduce((s, c) => s + c.rows, 0)).toBe(survey!.responseCount);
	});

	it('gives the same report from the store as from the raw responses', async () => {
		for (const filters of [allTime, { ...allTime, channels: ['BR-EAST'], from: '2024-04', to: '2025-09', unit: 'month' as const }]) {
			const store = await buildSurveyReport(t.db, bank, filters);
			const raw = await buildSurveyReport(t.db, bank, filters, { source: 'raw' });
			expect(store!.model.source).toBe('store');
			expect(raw!.model.source).toBe('raw');
			expectSameNumbers({ ...raw!.model, source: 'store' }, store!.model);
			expect(store!.findings).toEqual(raw!.findings);
		}
	});

	it('filters by period, channel and segment answers (the last by a labelled raw scan)', async () => {
		const survey = await findSurveyById(t.db, bank);
		const all = await buildSurveyReport(t.db, bank, allTime);
		expect(all!.model.n).toBe(survey!.responseCount);
		const perChannel = await Promise.all(all!.available.channels.map((c) => buildSurveyReport(t.db, bank, { ...allTime, channels: [c.code] })));
		const unlabelled = all!.model.comparison.find((c) => c.channel === '')?.n ?? 0;
		expect(perChannel.reduce((s, r) => s + r!.model.n, 0) + unlabelled).toBe(all!.model.n);
		const months = all!.model.trend.length;
		expect(months).toBeGreaterThan(4);
		const q1 = await buildSurveyReport(t.db, bank, { ...allTime, from: '2024-01', to: '2024-03' });
		expect(q1!.model.trend.map((p) => p.period)).toEqual(['2024-Q1']);
		const business = await buildSurveyReport(t.db, bank, { ...allTime, segment: { SEG: ['business'] } });
		expect(business!.model.source).toBe('raw');
		expect(business!.timing.scanned).toBe(survey!.responseCount);
		expect(business!.model.n).toBeGreaterThan(0);
		expect(business!.model.n).toBeLessThan(all!.model.n / 2);
	});
});
