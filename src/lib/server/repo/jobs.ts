import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import type { Database, JobsTable, JobState } from '../db/schema';
import { timeOrderedId } from '../ids';

type Db = Kysely<Database>;

export interface NewJob {
	kind: string;
	payload: unknown;
	/** Unique per kind: a second enqueue with the same key is a no-op. */
	dedupeKey?: string | null;
	/** Epoch ms; now when absent. */
	runAt?: number;
	maxAttempts?: number;
}

export interface Job {
	id: string;
	kind: string;
	payload: unknown;
	dedupeKey: string | null;
	state: JobState;
	attempts: number;
	maxAttempts: number;
	runAt: number;
	lastError: string | null;
	result: string | null;
	createdAt: number;
	finishedAt: number | null;
}

export const DEFAULT_MAX_ATTEMPTS = 8;

function toJob(row: Selectable<JobsTable>): Job {
	return {
		id: row.id,
		kind: row.kind,
		payload: JSON.parse(row.payload),
		dedupeKey: row.dedupe_key,
		state: row.state,
		attempts: Number(row.attempts),
		maxAttempts: Number(row.max_attempts),
		runAt: Number(row.run_at),
		lastError: row.last_error,
		result: row.result,
		createdAt: Number(row.created_at),
		finishedAt: row.finished_at === null ? null : Number(row.finished_at)
	};
}

/**
 * Queues work; pass the caller's transaction so the job commits (or not) with its cause.
 * Returns the job's id, or null when a job of this kind with this dedupe key already exists.
 */
export async function enqueueJob(db: Db, job: NewJob, now = Date.now()): Promise<string | null> {
	const inserted = await db
		.insertInto('jobs')
		.values({
			id: timeOrderedId(now),
			kind: job.kind,
			payload: JSON.stringify(job.payload),
			dedupe_key: job.dedupeKey ?? null,
			state: 'queued',
			max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
			run_at: job.runAt ?? now,
			created_at: now
		})
		.onConflict((oc) => oc.columns(['kind', 'dedupe_key']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return inserted?.id ?? null;
}

export interface ClaimRequest {
	workerId: string;
	kinds: readonly string[];
	limit: number;
	leaseMs: number;
}

/**
 * Claims up to `limit` due jobs of these kinds for one worker, and counts the attempt. Due: waiting
 * (queued, or failed and past its back-off) or running with an expired lease (its worker died).
 * PostgreSQL skips rows another worker is claiming (FOR UPDATE SKIP LOCKED); on SQLite the single
 * statement is the first write, so claims are serialised by the one writer.
 */
export async function claimJobs(db: Db, request: ClaimRequest, now = Date.now()): Promise<Job[]> {
	if (request.kinds.length === 0) return [];
	const due = db
		.selectFrom('jobs')
		.select('id')
		.where('kind', 'in', request.kinds)
		.where((eb) =>
			eb.or([
				eb.and([eb('state', 'in', ['queued', 'failed']), eb('run_at', '<=', now)]),
				eb.and([eb('state', '=', 'running'), eb('locked_until', '<', now)])
			])
		)
		.orderBy('run_at')
		.limit(request.limit);
	const lockedDue = db.getExecutor().adapter instanceof PostgresAdapter ? due.forUpdate().skipLocked() : due;
	const rows = await db
		.updateTable('jobs')
		.set((eb) => ({
			state: 'running',
			locked_by: request.workerId,
			locked_until: now + request.leaseMs,
			attempts: eb('attempts', '+', 1)
		}))
		.where('id', 'in', lockedDue)
		.returningAll()
		.execute();
	return rows.map(toJob).sort((a, b) => a.runAt - b.runAt || (a.id < b.id ? -1 : 1));
}

export interface JobOutcome {
	state: Extract<JobState, 'done' | 'kept' | 'skipped' | 'failed' | 'dead'>;
	result?: string | null;
	error?: string | null;
	/** For `failed`: when to try again (epoch ms). */
	retryAt?: number;
}

/**
 * Records a claimed job's outcome, only while this worker still holds it: a worker whose lease ran
 * out and whose job was claimed again does not overwrite the new claim. True when recorded.
 */
export async function finishJob(db: Db, id: string, workerId: string, outcome: JobOutcome, now = Date.now()): Promise<boolean> {
	const waiting = outcome.state === 'failed';
	const result = await db
		.updateTable('jobs')
		.set({
			state: outcome.state,
			result: outcome.result ?? null,
			last_error: outcome.error ?? null,
			run_at: waiting ? (outcome.retryAt ?? now) : sql<number>`run_at`,
			finished_at: waiting ? null : now,
			locked_by: null,
			locked_until: null
		})
		.where('id', '=', id)
		.where('locked_by', '=', workerId)
		.where('state', '=', 'running')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Extends this worker's lease on jobs it still holds (a batch that runs long). */
export async function renewClaims(db: Db, ids: readonly string[], workerId: string, lockedUntil: number): Promise<void> {
	if (ids.length === 0) return;
	await db.updateTable('jobs').set({ locked_until: lockedUntil }).where('id', 'in', ids).where('locked_by', '=', workerId).where('state', '=', 'running').execute();
}

/** Gives back claims a stopping worker did not start: queued again, the attempt not counted. */
export async function releaseJobs(db: Db, ids: readonly string[], workerId: string): Promise<number> {
	if (ids.length === 0) return 0;
	const result = await db
		.updateTable('jobs')
		.set((eb) => ({ state: 'queued', locked_by: null, locked_until: null, attempts: eb('attempts', '-', 1) }))
		.where('id', 'in', ids)
		.where('locked_by', '=', workerId)
		.where('state', '=', 'running')
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** Queues dead or failed jobs again now with a fresh set of attempts; returns how many. */
export async function retryJobs(db: Db, filter: { ids?: readonly string[]; kind?: string }, now = Date.now()): Promise<number> {
	let query = db
		.updateTable('jobs')
		.set({ state: 'queued', attempts: 0, run_at: now, finished_at: null })
		.where('state', 'in', ['dead', 'failed']);
	if (filter.ids) query = query.where('id', 'in', filter.ids.length ? filter.ids : ['']);
	if (filter.kind) query = query.where('kind', '=', filter.kind);
	return Number((await query.executeTakeFirst()).numUpdatedRows);
}

export interface JobListing {
	kind?: string;
	states?: readonly JobState[];
	/** Keyset page: jobs created before this id (ids sort by creation time). */
	beforeId?: string;
	limit: number;
}

/** Jobs newest first. */
export async function listJobs(db: Db, listing: JobListing): Promise<Job[]> {
	let query = db.selectFrom('jobs').selectAll().orderBy('id', 'desc').limit(listing.limit);
	if (listing.kind) query = query.where('kind', '=', listing.kind);
	if (listing.states?.length) query = query.where('state', 'in', listing.states);
	if (listing.beforeId) query = query.where('id', '<', listing.beforeId);
	return (await query.execute()).map(toJob);
}

export async function findJob(db: Db, id: string): Promise<Job | undefined> {
	const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
	return row ? toJob(row) : undefined;
}

/** How many jobs are in each state (states with none are absent). */
export async function countJobsByState(db: Db, kind?: string): Promise<Partial<Record<JobState, number>>> {
	let query = db.selectFrom('jobs').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state');
	if (kind) query = query.where('kind', '=', kind);
	return Object.fromEntries((await query.execute()).map((r) => [r.state, Number(r.n)]));
}

/** How many jobs of the kind's latest batch (those created at the latest moment, e.g. in one transaction) are in each state, and the newest error among them. */
export async function latestJobBatch(db: Db, kind: string): Promise<{ createdAt: number; states: Partial<Record<JobState, number>>; lastError: string | null } | null> {
	const latest = await db.selectFrom('jobs').select((eb) => eb.fn.max('created_at').as('at')).where('kind', '=', kind).executeTakeFirst();
	if (latest?.at === null || latest?.at === undefined) return null;
	const createdAt = Number(latest.at);
	const rows = await db.selectFrom('jobs').select(['state', 'last_error']).where('kind', '=', kind).where('created_at', '=', createdAt).execute();
	const states: Partial<Record<JobState, number>> = {};
	for (const r of rows) states[r.state] = (states[r.state] ?? 0) + 1;
	return { createdAt, states, lastError: rows.find((r) => r.last_error !== null)?.last_error ?? null };
}
