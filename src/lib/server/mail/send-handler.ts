// The `mail.send` job: one rendered message to one address. Delivery is at least once with a
// window of one message per process: a process killed after the SMTP server's 250 and before the
// job's completion commits sends that message again when the lease runs out, with the same
// Message-ID, so receiving servers and readers can tell it is a repeat.
import nodemailer from 'nodemailer';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { PermanentJobError, type JobHandler } from '../jobs/handler';
import { isOptedOut } from '../contacts';
import type { MailConfig } from './config';
import { MAIL_KIND, type OutgoingMail } from './message';

export type MailTransport = ReturnType<typeof nodemailer.createTransport>;

/**
 * A pooled SMTP transport (one connection reused across messages), or null without SMTP_URL. Its
 * time-outs end a stuck send well inside the worker's lease, so no other process claims a message
 * that is still being sent.
 */
export function createMailTransport(config: MailConfig): MailTransport | null {
	if (!config.smtpUrl) return null;
	return nodemailer.createTransport({ url: config.smtpUrl, pool: true, maxConnections: 1, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
}

/** nodemailer's fields for a message: both parts, a stable Message-ID, one-click unsubscribe. */
export function nodemailerMessage(mail: OutgoingMail, from: string) {
	return {
		from,
		to: mail.to,
		subject: mail.subject,
		text: mail.text,
		html: mail.html,
		messageId: mail.messageId,
		list: { unsubscribe: { url: mail.unsubscribeUrl } },
		headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Content-Language': mail.locale }
	};
}

/** 5xx is the server's final word (unknown user, policy): retrying cannot help. Everything else is retried. */
function classifySmtpError(error: unknown): Error {
	const smtp = error as { responseCode?: number; response?: string; message?: string };
	if (typeof smtp.responseCode === 'number' && smtp.responseCode >= 500 && smtp.responseCode < 600) {
		return new PermanentJobError(smtp.response ?? smtp.message ?? String(smtp.responseCode));
	}
	return error instanceof Error ? error : new Error(String(error));
}

export function mailSendHandler(db: Kysely<Database>, transport: MailTransport | null, config: MailConfig): JobHandler {
	return {
		kind: MAIL_KIND,
		ratePerSecond: config.ratePerSecond,
		async run(job) {
			const mail = job.payload as OutgoingMail;
			if (await isOptedOut(db, { email: mail.to })) return { state: 'skipped', result: 'unsubscribed' };
			if (!transport) return { state: 'kept' };
			try {
				const info = await transport.sendMail(nodemailerMessage(mail, config.from));
				return { state: 'done', result: String(info.response) };
			} catch (error) {
				throw classifySmtpError(error);
			}
		}
	};
}
