import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { PermanentJobError, type JobHandler } from '../../src/lib/server/jobs/handler';
import { JobWorker } from '../../src/lib/server/jobs/worker';
import { claimJobs, enqueueJob, findJob, listJobs, retryJobs } from '../../src/lib/server/repo/jobs';
import { engines, useTestDb } from './databases';

/** A handler that records each run and answers with `behave(job payload, attempt)`. */
function recordingHandler(kind: string, behave: (payload: number, attempt: number) => 'ok' | 'temporary' | 'permanent' = () => 'ok') {
	const runs: number[] = [];
	const handler: JobHandler = {
		kind,
		async run(job) {
			const n = job.payload as number;
			runs.push(n);
			const outcome = behave(n, job.attempts);
			if (outcome === 'temporary') throw new Error(`busy, try later (${job.attempts})`);
			if (outcome === 'permanent') throw new PermanentJobError('550 no such user');
			return { state: 'done', result: `ok ${n}` };
		}
	};
	return { handler, runs };
}

const noWait = { baseMs: 0, maxMs: 0 };

describe.each(engines)('outbox jobs on %s', (engine) => {
	const t = useTestDb(engine);
	let second: Kysely<Database>;
	beforeAll(() => {
		second = t.openAnother();
	});
	afterAll(async () => second?.destroy());
	beforeEach(async () => {
		await t.db.deleteFrom('jobs').execute();
	});

	it('one enqueue per dedupe key, inside the caller’s transaction', async () => {
		expect.hasAssertions();
		const ids = await t.db.transaction().execute(async (trx) => [
			await enqueueJob(trx, { kind: 'test.a', payload: 1, dedupeKey: 'invitation-1' }),
			await enqueueJob(trx, { kind: 'test.a', payload: 2, dedupeKey: 'invitation-1' }),
			await enqueueJob(trx, { kind: 'test.b', payload: 3, dedupeKey: 'invitation-1' })
		]);
		expect(ids[0]).toBeTruthy();
		expect(ids[1]).toBeNull();
		expect(ids[2]).toBeTruthy();
		await expect(
			t.db.transaction().execute(async (trx) => {
				await enqueueJob(trx, { kind: 'test.a', payload: 4 });
				throw new Error('the cause rolled back');
			})
		).rejects.toThrow('rolled back');
		expect(await listJobs(t.db, { kind: 'test.a', limit: 10 })).toHaveLength(1);
	});

	it('two workers on two connections run each of 200 jobs exactly once', async () => {
		expect.hasAssertions();
		for (let i = 0; i < 200; i++) await enqueueJob(t.db, { kind: 'test.count', payload: i });
		const a = recordingHandler('test.count');
		const b = recordingHandler('test.count');
		const workers = [new JobWorker(t.db, [a.handler], { batchSize: 7 }), new JobWorker(second, [b.handler], { batchSize: 7 })];
		const drain = async (worker: JobWorker) => {
			while ((await worker.runBatch()) > 0);
		};
		await Promise.all(workers.map(drain));
		const all = [...a.runs, ...b.runs].sort((x, y) => x - y);
		expect(all).toEqual(Array.from({ length: 200 }, (_, i) => i));
		expect(a.runs.length).toBeGreaterThan(0);
		expect(b.runs.length).toBeGreaterThan(0);
		const jobs = await listJobs(t.db, { kind: 'test.count', limit: 300 });
		expect(jobs.every((j) => j.state === 'done' && j.attempts === 1 && j.result === `ok ${j.payload}`)).toBe(true);
	});

	it('concurrent claims never hand one job to two workers', async () => {
		expect.hasAssertions();
		for (let i = 0; i < 60; i++) await enqueueJob(t.db, { kind: 'test.claim', payload: i });
		const claims = await Promise.all(
			Array.from({ length: 6 }, (_, i) => claimJobs(i % 2 ? second : t.db, { workerId: `w${i}`, kinds: ['test.claim'], limit: 15, leaseMs: 60_000 }))
		);
		const ids = claims.flat().map((j) => j.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toHaveLength(60);
	});

	it('retries a temporary failure with back-off, then succeeds', async () => {
		expect.hasAssertions();
		const id = (await enqueueJob(t.db, { kind: 'test.flaky', payload: 1 }))!;
		const flaky = recordingHandler('test.flaky', (_, attempt) => (attempt < 3 ? 'temporary' : 'ok'));
		const worker = new JobWorker(t.db, [flaky.handler], { backoff: { baseMs: 60_000, maxMs: 60_000 } });
		const start = Date.now();
		expect(await worker.runBatch(start)).toBe(1);
		const waiting = (await findJob(t.db, id))!;
		expect(waiting).toMatchObject({ state: 'failed', attempts: 1, lastError: 'busy, try later (1)' });
		expect(waiting.runAt).toBeGreaterThanOrEqual(start + 30_000);
		expect(await worker.runBatch(start + 1_000)).toBe(0);
		expect(await worker.runBatch(waiting.runAt)).toBe(1);
		const again = (await findJob(t.db, id))!;
		expect(await worker.runBatch(again.runAt)).toBe(1);
		expect(await findJob(t.db, id)).toMatchObject({ state: 'done', attempts: 3, result: 'ok 1', lastError: null });
		expect(flaky.runs).toEqual([1, 1, 1]);
	});

	it('records a permanent failure with its reason at once, and gives up after the last attempt', async () => {
		expect.hasAssertions();
		const refused = (await enqueueJob(t.db, { kind: 'test.refused', payload: 1 }))!;
		const tired = (await enqueueJob(t.db, { kind: 'test.tired', payload: 2, maxAttempts: 2 }))!;
		const worker = new JobWorker(t.db, [recordingHandler('test.refused', () => 'permanent').handler, recordingHandler('test.tired', () => 'temporary').handler], { backoff: noWait });
		await worker.runBatch();
		await worker.runBatch(Date.now() + 1);
		expect(await findJob(t.db, refused)).toMatchObject({ state: 'dead', attempts: 1, lastError: '550 no such user' });
		expect(await findJob(t.db, tired)).toMatchObject({ state: 'dead', attempts: 2, lastError: 'busy, try later (2)' });
		expect(await retryJobs(t.db, { kind: 'test.tired' })).toBe(1);
		expect(await findJob(t.db, tired)).toMatchObject({ state: 'queued', attempts: 0 });
	});

	it('a crashed worker’s claims come back after the lease, and its late result is not recorded', async () => {
		expect.hasAssertions();
		const id = (await enqueueJob(t.db, { kind: 'test.lease', payload: 7 }))!;
		const now = Date.now();
		const [crashed] = await claimJobs(t.db, { workerId: 'crashed', kinds: ['test.lease'], limit: 5, leaseMs: 10_000 }, now);
		expect(crashed.id).toBe(id);
		const survivor = recordingHandler('test.lease');
		const worker = new JobWorker(second, [survivor.handler], { leaseMs: 10_000 });
		expect(await worker.runBatch(now + 9_999)).toBe(0);
		expect(await worker.runBatch(now + 10_001)).toBe(1);
		expect(await findJob(t.db, id)).toMatchObject({ state: 'done', attempts: 2, result: 'ok 7' });
	});

	it('commits a handler’s follow-up writes with the outcome, and drops them when its claim was lost meanwhile', async () => {
		expect.hasAssertions();
		const kept = (await enqueueJob(t.db, { kind: 'test.chain', payload: 1 }))!;
		const lost = (await enqueueJob(t.db, { kind: 'test.chain', payload: 2 }))!;
		const chaining: JobHandler = {
			kind: 'test.chain',
			async run(job) {
				// The second job's lease runs out mid-run and another worker claims it.
				if (job.id === lost) await t.db.updateTable('jobs').set({ locked_by: 'another' }).where('id', '=', lost).execute();
				return { state: 'done', alongside: async (trx) => void (await enqueueJob(trx, { kind: 'test.next', payload: job.payload, dedupeKey: `next:${job.payload}` })) };
			}
		};
		expect(await new JobWorker(t.db, [chaining]).runBatch()).toBe(2);
		expect(await findJob(t.db, kept)).toMatchObject({ state: 'done' });
		expect(await findJob(t.db, lost)).toMatchObject({ state: 'running' });
		expect((await listJobs(t.db, { kind: 'test.next', limit: 10 })).map((j) => j.dedupeKey)).toEqual(['next:1']);
	});

	it('extends its lease on the rest of a batch that has outlasted half of it', async () => {
		expect.hasAssertions();
		// Claimed 6 s ago with a 10 s lease: a batch whose server has been slow.
		const claimedAt = Date.now() - 6_000;
		for (let i = 0; i < 3; i++) await enqueueJob(t.db, { kind: 'test.slow', payload: i, runAt: claimedAt - 3 + i });
		const leases: number[] = [];
		const handler: JobHandler = {
			kind: 'test.slow',
			async run(job) {
				const row = await t.db.selectFrom('jobs').select('locked_until').where('id', '=', job.id).executeTakeFirstOrThrow();
				leases.push(Number(row.locked_until));
				return { state: 'done' };
			}
		};
		const started = Date.now();
		await new JobWorker(t.db, [handler], { leaseMs: 10_000 }).runBatch(claimedAt);
		expect(leases).toHaveLength(3);
		for (const lease of leases) expect(lease).toBeGreaterThanOrEqual(started + 10_000);
	});

	it('a stopping worker finishes the job in hand and releases the rest of its batch', async () => {
		expect.hasAssertions();
		const now = Date.now();
		for (let i = 0; i < 5; i++) await enqueueJob(t.db, { kind: 'test.stop', payload: i, runAt: now - 5 + i });
		let worker!: JobWorker;
		let stopped: Promise<void> | undefined;
		const handler: JobHandler = {
			kind: 'test.stop',
			async run(job) {
				if (job.payload === 1) stopped = worker.stop();
				return { state: 'done' };
			}
		};
		worker = new JobWorker(t.db, [handler], { batchSize: 5 });
		worker.start();
		await new Promise<void>((resolve) => {
			const check = () => (stopped ? resolve() : setImmediate(check));
			check();
		});
		await stopped;
		const jobs = await listJobs(t.db, { kind: 'test.stop', limit: 10 });
		expect(jobs.filter((j) => j.state === 'done').map((j) => j.payload).sort()).toEqual([0, 1]);
		expect(jobs.filter((j) => j.state === 'queued').every((j) => j.attempts === 0)).toBe(true);
		expect(jobs.filter((j) => j.state === 'queued')).toHaveLength(3);
	});
});
