// Marking contact attributes as report segments off the request, on both engines: the marking
// queues one rebuild job per survey with stored cells and returns; until a survey's job has run, its
// report reads the store as it was built (a newly marked attribute by a labelled raw scan); the job
// rebuilds the store to the raw recomputation's numbers; a repeated job finds the store current; a
// worker killed (-9) in the middle of a rebuild leaves its job to be claimed again after the lease.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queueStoreRebuilds, analysisRebuildHandler, storeRebuildProgress, REBUILD_KIND } from '../../src/lib/server/analysis/rebuild-job';
import { buildSurveyReport } from '../../src/lib/server/analysis/report';
import { markSegmentAttributes } from '../../src/lib/server/contacts';
import { loadDemoWorkspace } from '../../src/lib/server/demo/load-demo';
import { JobWorker } from '../../src/lib/server/jobs/worker';
import { readSegmentCells } from '../../src/lib/server/repo/analysis-segments';
import { readCells } from '../../src/lib/server/repo/analysis-store';
import { ensureContactAttribute } from '../../src/lib/server/repo/contacts';
import { listJobs } from '../../src/lib/server/repo/jobs';
import { insertUser, type User } from '../../src/lib/server/repo/users';
import type { ReportFilters } from '../../src/lib/stats/report/model';
import { engines, useTestDb } from './databases';
import { expectSameNumbers } from './same-numbers';

beforeEach(() => {
	expect.hasAssertions();
});

const allTime: ReportFilters = { from: null, to: null, channels: [], segment: {}, unit: 'quarter' };
const byBranch: ReportFilters = { ...allTime, contact: { branch: ['a'] } };

describe.each(engines)('segment marking rebuilt by jobs on %s', (engine) => {
	const t = useTestDb(engine);
	let admin: User;
	let bank: string;
	const runJobs = async (now = Date.now()) => {
		const worker = new JobWorker(t.db, [analysisRebuildHandler(t.db)], { leaseMs: 60_000 });
		let ran = 0;
		for (let n = await worker.runBatch(now); n > 0; n = await worker.runBatch(now)) ran += n;
		return ran;
	};

	beforeAll(async () => {
		admin = await insertUser(t.db, { email: 'admin@example.com', name: 'Admin', passwordHash: 'x', role: 'admin' });
		[bank] = await loadDemoWorkspace(t.db, admin);
		await ensureContactAttribute(t.db, 'branch', 'branch', 0);
		// The panel's customers get a branch too (as a re-import with a new column would give them).
		const panel = await t.db.selectFrom('responses').select(['id', 'contact_values']).where('survey_id', '=', bank).where('contact_values', 'is not', null).execute();
		for (const [i, r] of panel.entries()) {
			await t.db.updateTable('responses').set({ contact_values: JSON.stringify({ ...JSON.parse(r.contact_values!), branch: i % 3 ? 'a' : 'b' }) }).where('id', '=', r.id).execute();
		}
	}, 120_000);

	it('queues the rebuilds, keeps reading the store meanwhile, and serves the new attribute from it once they ran', async () => {
		const plainBefore = await readCells(t.db, bank);
		expect(await markSegmentAttributes(t.db, admin, ['tier', 'region', 'branch'])).toEqual({ ok: true, changed: true });
		expect(await storeRebuildProgress(t.db)).toEqual({ total: 2, finished: 0, pending: 2, dead: 0, lastError: null });

		const pending = (await buildSurveyReport(t.db, bank, byBranch))!;
		expect([pending.model.source, pending.timing.scanned! >= 2000]).toEqual(['raw', true]);
		const tier = (await buildSurveyReport(t.db, bank, { ...allTime, contact: { tier: ['core'] } }))!;
		expect(tier.model.source).toBe('store');
		expect(await readCells(t.db, bank)).toEqual(plainBefore); // nothing rebuilt inside the report

		expect(await runJobs()).toBe(2);
		expect(await storeRebuildProgress(t.db)).toEqual({ total: 2, finished: 2, pending: 0, dead: 0, lastError: null });
		const built = (await buildSurveyReport(t.db, bank, byBranch))!;
		expect([built.model.source, built.timing.scanned]).toEqual(['store', null]);
		expectSameNumbers({ ...pending.model, source: 'store' }, built.model);

		// Queued again (a retry), the jobs find the stores current and leave the cells as they are.
		const cells = await readSegmentCells(t.db, bank, { attribute: 'branch', values: ['a', 'b'] });
		await t.db.transaction().execute((trx) => queueStoreRebuilds(trx, Date.now()));
		expect(await runJobs()).toBe(2);
		const again = await listJobs(t.db, { kind: REBUILD_KIND, limit: 2 });
		expect(again.map((j) => [j.state, j.result])).toEqual([
			['skipped', 'current'],
			['skipped', 'current']
		]);
		expect(await readSegmentCells(t.db, bank, { attribute: 'branch', values: ['a', 'b'] })).toEqual(cells);
	}, 120_000);

	it('claims a rebuild again after the worker running it was killed with -9, and counts every response once', async () => {
		expect(await markSegmentAttributes(t.db, admin, ['tier', 'region'])).toEqual({ ok: true, changed: true });
		const child = spawn('npx', ['tsx', 'tests/integration/rebuild-worker-child.ts'], {
			env: { ...process.env, SATINDEX_TEST_DB: t.location.url, SATINDEX_TEST_SCHEMA: t.location.searchPath ?? '' },
			stdio: ['ignore', 'pipe', 'inherit'],
			detached: true
		});
		const [line] = (await once(child.stdout!, 'data')) as [Buffer];
		const killedJob = /started (\S+)/.exec(line.toString())![1];
		process.kill(-child.pid!, 'SIGKILL'); // npx and the worker under it
		await once(child, 'exit');
		expect((await listJobs(t.db, { kind: REBUILD_KIND, limit: 2 })).find((j) => j.id === killedJob)?.state).toBe('running');

		expect(await runJobs(Date.now())).toBe(1); // the other survey's; the killed one is still leased
		expect(await runJobs(Date.now() + 61_000)).toBe(1);
		const killed = (await listJobs(t.db, { kind: REBUILD_KIND, limit: 2 })).find((j) => j.id === killedJob)!;
		expect([killed.attempts, ['done', 'skipped'].includes(killed.state)]).toEqual([2, true]);

		const counted = (await readCells(t.db, bank)).reduce((sum, c) => sum + c.rows, 0);
		const responses = await t.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('survey_id', '=', bank).executeTakeFirstOrThrow();
		expect(counted).toBe(Number(responses.n));
		const filters = { ...allTime, contact: { region: ['North'] } };
		const store = (await buildSurveyReport(t.db, bank, filters))!;
		const raw = (await buildSurveyReport(t.db, bank, filters, { source: 'raw' }))!;
		expect(store.model.source).toBe('store');
		expectSameNumbers({ ...raw.model, source: 'store' }, store.model);
		expect((await buildSurveyReport(t.db, bank, byBranch))!.model.source).toBe('raw');
	}, 120_000);
});
