import type { Locale } from '../../i18n/locales';

/** The `mail.send` job's payload: the message exactly as it will be sent, rendered when queued. */
export interface OutgoingMail {
	to: string;
	locale: Locale;
	subject: string;
	/** The plain-text part (every message has one). */
	text: string;
	html: string;
	/** Stable across retries, so a receiving server and our tests can tell a repeat from a new message. */
	messageId: string;
	/** The signed one-click address (List-Unsubscribe and the link in the body). */
	unsubscribeUrl: string;
}

export const MAIL_KIND = 'mail.send';
