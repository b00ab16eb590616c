import type { Kysely } from 'kysely';
import { catalogs } from '$lib/i18n/catalogs';
import type { Locale } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import type { Database } from '../db/schema';
import { randomToken } from '../ids';
import { enqueueJob } from '../repo/jobs';
import { MAIL_KIND, type OutgoingMail } from './message';
import { renderMail, type MailContent } from './render';
import { unsubscribeToken } from './unsubscribe';

type Db = Kysely<Database>;

/** A message ready for the outbox: the reader's language footer, a signed unsubscribe address, a Message-ID of its own. */
export async function composeMail(db: Db, to: string, locale: Locale, origin: string, content: MailContent): Promise<OutgoingMail> {
	const catalog = catalogs[locale];
	const unsubscribeUrl = `${origin}/unsubscribe/${await unsubscribeToken(db, to)}`;
	const footer = {
		sentTo: translate(catalog, 'email.footer.sentTo', { email: to }),
		unsubscribePrompt: translate(catalog, 'email.footer.unsubscribePrompt'),
		unsubscribeLabel: translate(catalog, 'email.footer.unsubscribeLabel')
	};
	return renderMail(to, locale, content, footer, { messageId: `<${randomToken()}@${new URL(origin).hostname}>`, unsubscribeUrl });
}

/**
 * Puts a message in the outbox; run it in the transaction of its cause. With a dedupe key (e.g.
 * `invitation:<id>`) a second call queues nothing and returns null.
 */
export async function queueMail(db: Db, mail: OutgoingMail, dedupeKey?: string): Promise<string | null> {
	return enqueueJob(db, { kind: MAIL_KIND, payload: mail, dedupeKey });
}
