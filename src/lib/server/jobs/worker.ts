// One worker claims due jobs in batches, runs each through its kind's handler (paced by the kind's
// rate) and records the outcome; a stopping worker finishes the job in hand and gives back the rest.
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { randomToken } from '../ids';
import { claimJobs, finishJob, releaseJobs, renewClaims, type Job, type JobOutcome } from '../repo/jobs';
import { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from './backoff';
import { PermanentJobError, type HandlerResult, type JobHandler } from './handler';

export interface WorkerOptions {
	workerId?: string;
	/** Idle wait between polls, ms (a wake-up ends it early). */
	pollMs?: number;
	batchSize?: number;
	/** How long a claim is held; a killed worker's jobs are claimed again after it, ms. */
	leaseMs?: number;
	backoff?: BackoffPolicy;
	/** Called with every unexpected failure of the loop itself (a lost database connection). */
	onError?: (error: unknown) => void;
}

export class JobWorker {
	readonly workerId: string;
	private readonly handlers: Map<string, JobHandler>;
	private readonly options: Required<Omit<WorkerOptions, 'workerId'>>;
	private readonly nextStart = new Map<string, number>();
	private stopping = false;
	private loop: Promise<void> | undefined;
	/** Ends the current wait: the idle one on a wake-up, either on stop (pacing ignores wake-ups). */
	private readonly interrupt: Record<'idle' | 'pace', (() => void) | undefined> = { idle: undefined, pace: undefined };

	constructor(
		private readonly db: Kysely<Database>,
		handlers: readonly JobHandler[],
		options: WorkerOptions = {}
	) {
		this.handlers = new Map(handlers.map((h) => [h.kind, h]));
		this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomToken().slice(0, 8)}`;
		this.options = {
			pollMs: options.pollMs ?? 1_000,
			batchSize: options.batchSize ?? 20,
			leaseMs: options.leaseMs ?? 60_000,
			backoff: options.backoff ?? DEFAULT_BACKOFF,
			onError: options.onError ?? ((error) => console.error('Job worker:', error))
		};
	}

	/** Starts polling in the background. */
	start(): void {
		this.loop ??= this.run();
	}

	/** Ends the idle wait now (after a commit that queued work). */
	wake(): void {
		this.interrupt.idle?.();
	}

	/** Stops claiming, lets the job in hand finish, gives back the rest of the batch. */
	async stop(): Promise<void> {
		this.stopping = true;
		this.interrupt.idle?.();
		this.interrupt.pace?.();
		await this.loop;
	}

	/** Claims one batch and works through it; returns how many jobs ran. */
	async runBatch(now = Date.now()): Promise<number> {
		const jobs = await claimJobs(this.db, { workerId: this.workerId, kinds: [...this.handlers.keys()], limit: this.batchLimit(), leaseMs: this.options.leaseMs }, now);
		let ran = 0;
		let renewAt = now + this.options.leaseMs / 2;
		for (const job of jobs) {
			if (!this.stopping) await this.paceKind(job.kind);
			if (this.stopping) break;
			// A slow server must not let the lease run out under jobs this worker still holds.
			if (Date.now() >= renewAt) {
				await renewClaims(this.db, jobs.slice(ran).map((j) => j.id), this.workerId, Date.now() + this.options.leaseMs);
				renewAt = Date.now() + this.options.leaseMs / 2;
			}
			await this.runJob(job);
			ran++;
		}
		await releaseJobs(this.db, jobs.slice(ran).map((j) => j.id), this.workerId);
		return ran;
	}

	private async run(): Promise<void> {
		while (!this.stopping) {
			let ran = 0;
			try {
				ran = await this.runBatch();
			} catch (error) {
				this.options.onError(error);
			}
			if (ran === 0 && !this.stopping) await this.wait(this.options.pollMs, 'idle');
		}
	}

	/** A batch small enough to finish well inside the lease at the slowest kind's rate. */
	private batchLimit(): number {
		const rates = [...this.handlers.values()].map((h) => h.ratePerSecond ?? 0).filter((r) => r > 0);
		if (rates.length === 0) return this.options.batchSize;
		const withinHalfLease = Math.floor((Math.min(...rates) * this.options.leaseMs) / 2_000);
		return Math.max(1, Math.min(this.options.batchSize, withinHalfLease));
	}

	private async paceKind(kind: string): Promise<void> {
		const rate = this.handlers.get(kind)?.ratePerSecond ?? 0;
		if (rate <= 0) return;
		const now = Date.now();
		const start = Math.max(now, this.nextStart.get(kind) ?? 0);
		this.nextStart.set(kind, start + 1_000 / rate);
		if (start > now) await this.wait(start - now, 'pace');
	}

	private async runJob(job: Job): Promise<void> {
		const handler = this.handlers.get(job.kind)!;
		let outcome: JobOutcome;
		let alongside: HandlerResult['alongside'];
		// A long job (a store rebuild) keeps its lease while this worker lives; a killed worker's runs out and the job is claimed again.
		const keepLease = setInterval(() => {
			renewClaims(this.db, [job.id], this.workerId, Date.now() + this.options.leaseMs).catch(this.options.onError);
		}, this.options.leaseMs / 2);
		try {
			const finished = await handler.run(job);
			outcome = { state: finished.state, result: finished.result ?? null };
			alongside = finished.alongside;
		} catch (error) {
			outcome = this.failure(job, error);
		} finally {
			clearInterval(keepLease);
		}
		if (!alongside) {
			await finishJob(this.db, job.id, this.workerId, outcome);
			return;
		}
		const effects = alongside;
		await this.db.transaction().execute(async (trx) => {
			if (await finishJob(trx, job.id, this.workerId, outcome)) await effects(trx);
		});
	}

	private failure(job: Job, error: unknown): JobOutcome {
		const reason = error instanceof Error ? error.message : String(error);
		if (error instanceof PermanentJobError || job.attempts >= job.maxAttempts) return { state: 'dead', error: reason };
		return { state: 'failed', error: reason, retryAt: Date.now() + retryDelay(job.attempts, this.options.backoff) };
	}

	private wait(ms: number, slot: 'idle' | 'pace'): Promise<void> {
		return new Promise((resolve) => {
			const done = () => {
				clearTimeout(timer);
				this.interrupt[slot] = undefined;
				resolve();
			};
			const timer = setTimeout(done, ms);
			this.interrupt[slot] = done;
		});
	}
}
