import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Job } from '../repo/jobs';

/** How a handler finished a job: `done` with what it produced, `kept` (stays in the app), `skipped`. */
export interface HandlerResult {
	state: 'done' | 'kept' | 'skipped';
	result?: string;
	/** Writes that commit in the one transaction recording this outcome, and only if it is recorded (e.g. the next job queued). */
	alongside?: (trx: Kysely<Database>) => Promise<void>;
}

/** The code that runs one kind of job. Throw PermanentJobError for work that can never succeed; any other error is retried. */
export interface JobHandler {
	kind: string;
	/** Jobs of this kind started per second by one worker; 0 or absent: no limit. */
	ratePerSecond?: number;
	run(job: Job): Promise<HandlerResult>;
}

/** A failure that retrying cannot fix (e.g. a 5xx SMTP rejection); the job goes dead with this reason. */
export class PermanentJobError extends Error {
	constructor(reason: string) {
		super(reason);
		this.name = 'PermanentJobError';
	}
}
