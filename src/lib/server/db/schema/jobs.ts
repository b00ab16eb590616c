import type { Generated } from 'kysely';

/**
 * queued → running → done; a temporary failure goes back to `failed` (claimable again at run_at),
 * a permanent one or the last attempt to `dead`. `kept`: finished without leaving the machine
 * (mail with no SMTP server configured); `skipped`: nothing to do (the recipient unsubscribed).
 */
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'dead' | 'kept' | 'skipped';

export interface JobsTable {
	id: string;
	/** The handler that runs it, e.g. `mail.send`. */
	kind: string;
	/** JSON text, the handler's input. */
	payload: string;
	/** Unique per kind when set: the same cause never queues the same work twice. */
	dedupe_key: string | null;
	state: JobState;
	attempts: Generated<number>;
	max_attempts: number;
	/** Epoch ms: not claimed before. */
	run_at: number;
	/** The worker holding the claim. */
	locked_by: string | null;
	/** Epoch ms: the claim's lease; a running job past it is claimed again (its worker died). */
	locked_until: number | null;
	last_error: string | null;
	/** What the handler reported, e.g. the SMTP server's answer for a sent message. */
	result: string | null;
	created_at: number;
	finished_at: number | null;
}

export interface JobTables {
	jobs: JobsTable;
}
