import type { Kysely } from 'kysely';
import { catalogs } from '$lib/i18n/catalogs';
import type { Locale } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import type { Database } from '../db/schema';
import { wakeAppWorker } from '../jobs/wake';
import { recordAudit } from '../repo/audit';
import { composeMail, queueMail } from './compose';

/** An admin's test message to their own address, in their language: shows the whole path works. */
export async function queueTestMail(db: Kysely<Database>, actor: { id: string; email: string; name: string }, locale: Locale, origin: string): Promise<string> {
	const catalog = catalogs[locale];
	const mail = await composeMail(db, actor.email, locale, origin, {
		subject: translate(catalog, 'email.test.subject'),
		paragraphs: [translate(catalog, 'email.test.greeting', { name: actor.name }), translate(catalog, 'email.test.body')],
		action: { label: translate(catalog, 'email.test.action'), url: `${origin}/admin/mail` }
	});
	const id = await db.transaction().execute(async (trx) => {
		const queued = await queueMail(trx, mail);
		await recordAudit(trx, { action: 'mail.test-queued', actor, target: actor.email });
		return queued!;
	});
	wakeAppWorker();
	return id;
}
