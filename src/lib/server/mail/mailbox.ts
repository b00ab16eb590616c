// What an admin reads under Admin → Mail: the outbox's messages, newest first, one opened in full.
import type { Kysely } from 'kysely';
import type { Database, JobState } from '../db/schema';
import { retryFailedJobs } from '../jobs/retry';
import { countJobsByState, findJob, listJobs, type Job } from '../repo/jobs';
import { MAIL_KIND, type OutgoingMail } from './message';

export const MAILBOX_PAGE_SIZE = 50;

export interface MailSummary {
	id: string;
	to: string;
	subject: string;
	locale: string;
	state: JobState;
	attempts: number;
	createdAt: number;
	finishedAt: number | null;
	/** The server's answer when sent, or why it was not. */
	note: string | null;
}

export interface OpenedMail extends MailSummary {
	messageId: string;
	text: string;
	unsubscribeUrl: string;
}

function summary(job: Job): MailSummary {
	const mail = job.payload as OutgoingMail;
	return { id: job.id, to: mail.to, subject: mail.subject, locale: mail.locale, state: job.state, attempts: job.attempts, createdAt: job.createdAt, finishedAt: job.finishedAt, note: job.lastError ?? job.result };
}

export async function mailbox(db: Kysely<Database>, query: { before: string | null; open: string | null }) {
	const messages = (await listJobs(db, { kind: MAIL_KIND, beforeId: query.before ?? undefined, limit: MAILBOX_PAGE_SIZE })).map(summary);
	const job = query.open ? await findJob(db, query.open) : undefined;
	const payload = job?.kind === MAIL_KIND ? (job.payload as OutgoingMail) : undefined;
	const open: OpenedMail | null = job && payload ? { ...summary(job), messageId: payload.messageId, text: payload.text, unsubscribeUrl: payload.unsubscribeUrl } : null;
	return {
		messages,
		counts: await countJobsByState(db, MAIL_KIND),
		next: messages.length === MAILBOX_PAGE_SIZE ? messages[messages.length - 1].id : null,
		open
	};
}

/** Queues a dead message again with fresh attempts; false when it is not a dead message. */
export async function retryMessage(db: Kysely<Database>, actor: { id: string; email: string }, id: string): Promise<boolean> {
	const job = await findJob(db, id);
	if (job?.kind !== MAIL_KIND || job.state !== 'dead') return false;
	return (await retryFailedJobs(db, actor, { ids: [id] })) === 1;
}
