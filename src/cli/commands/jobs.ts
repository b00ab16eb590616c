import type { JobState } from '../../lib/server/db/schema';
import { retryFailedJobs } from '../../lib/server/jobs/retry';
import { countJobsByState, listJobs } from '../../lib/server/repo/jobs';
import { openMigratedDb } from './database';
import type { Command } from './types';

const STATES: JobState[] = ['queued', 'running', 'failed', 'done', 'kept', 'skipped', 'dead'];

function option(args: string[], name: string): string | undefined {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : undefined;
}

/** `jobs [--state S] [--kind K] [--limit N]`: counts, then the newest jobs, one line each. */
async function list(args: string[]): Promise<void> {
	const state = option(args, '--state') as JobState | undefined;
	if (state && !STATES.includes(state)) throw new Error(`--state must be one of ${STATES.join(', ')}.`);
	const limit = Number(option(args, '--limit') ?? 50);
	if (!Number.isInteger(limit) || limit < 1) throw new Error('--limit must be a positive whole number.');
	const kind = option(args, '--kind');
	const { db } = await openMigratedDb();
	try {
		const counts = await countJobsByState(db, kind);
		console.log(STATES.map((s) => `${s}: ${counts[s] ?? 0}`).join('  '));
		for (const job of await listJobs(db, { kind, states: state ? [state] : undefined, limit })) {
			const note = job.lastError ?? job.result ?? '';
			console.log([job.id, job.kind, job.state, `attempts ${job.attempts}/${job.maxAttempts}`, new Date(job.createdAt).toISOString(), note].join('\t'));
		}
	} finally {
		await db.destroy();
	}
}

/** `jobs retry <id …>` or `jobs retry --dead [--kind K]`: queue failed or dead jobs again now. */
async function retry(args: string[]): Promise<void> {
	const ids = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--kind');
	const everyDead = args.includes('--dead');
	if (!everyDead && ids.length === 0) throw new Error('jobs retry needs job ids, or --dead for every dead job.');
	const { db } = await openMigratedDb();
	try {
		const retried = await retryFailedJobs(db, null, { ids: everyDead ? undefined : ids, kind: option(args, '--kind') });
		console.log(`Queued ${retried} job${retried === 1 ? '' : 's'} again; a running server picks them up within its poll interval.`);
	} finally {
		await db.destroy();
	}
}

export const jobs: Command = {
	name: 'jobs',
	usage: 'jobs [retry] [--state S] [--kind K]',
	help: 'List the outbox (mail and other background work) with counts per state; `jobs retry <id …>` or `jobs retry --dead` queues failed jobs again.',
	async run(args) {
		if (args[0] === 'retry') return retry(args.slice(1));
		return list(args);
	}
};
