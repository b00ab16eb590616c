// Opt-out, the one rule mail must obey: an opted-out contact is never mailed, whatever is imported
// later — even after the contact was deleted and imported again, because opt-outs are also kept
// as keyed hashes of the email, which outlive the contact row and hold no readable address.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hashToken, randomToken } from '../ids';
import { recordAudit } from '../repo/audit';
import { findContact, findContactByEmail, insertOptOut, markContactOptedOut, optedOutHashes } from '../repo/contacts';
import { getOrCreateSetting } from '../repo/settings';
import { normaliseEmail } from '../../csv/contact-rows';
import { auditActor, requireContactsRole, type ContactActor } from './access';

type Db = Kysely<Database>;

/** A contact named by its id, or anyone by email address (normalised here). */
export type OptOutTarget = { contactId: string } | { email: string };

/** Who asks: a user on a contact's page or the API, or the recipient through an unsubscribe link. */
export type OptOutRequester = ContactActor | 'unsubscribe';

// The key never changes once stored, so each database handle reads it once: every message the
// mail worker sends asks whether its address opted out.
const hashSecrets = new WeakMap<Db, Promise<string>>();

/** Keyed hashes (hex) of normalised emails; the key lives in the database so every process agrees. */
export async function emailHasher(db: Db): Promise<(email: string) => string> {
	let secret = hashSecrets.get(db);
	if (!secret) {
		secret = getOrCreateSetting(db, 'contact-hash-secret', randomToken);
		hashSecrets.set(db, secret);
		secret.catch(() => hashSecrets.delete(db));
	}
	const key = await secret;
	return (email) => hashToken(`${key}:${email}`);
}

async function resolve(db: Db, target: OptOutTarget) {
	if ('contactId' in target) {
		const contact = await findContact(db, target.contactId);
		return { contact, email: contact?.email ?? null };
	}
	const email = normaliseEmail(target.email) ?? target.email.trim().toLowerCase();
	return { contact: await findContactByEmail(db, email), email };
}

/** Whether mail to this contact or address must not be sent (an unknown contact id counts as opted out). */
export async function isOptedOut(db: Db, target: OptOutTarget): Promise<boolean> {
	const { contact, email } = await resolve(db, target);
	if ('contactId' in target && !contact) return true;
	if (contact?.optedOutAt != null) return true;
	if (email === null) return false;
	const hash = (await emailHasher(db))(email);
	return (await optedOutHashes(db, [hash])).has(hash);
}

export type OptOutResult = { ok: true; contactId: string | null } | { ok: false; reason: 'notFound' };

/**
 * Opts a contact or an address out for good, in one transaction with its audit entry (which names
 * the contact id, never the address). Idempotent: the first opt-out's time is kept.
 */
export async function optOut(db: Db, target: OptOutTarget, by: OptOutRequester, now = Date.now()): Promise<OptOutResult> {
	if (by !== 'unsubscribe') requireContactsRole(by);
	const hash = await emailHasher(db);
	return db.transaction().execute(async (trx) => {
		const { contact, email } = await resolve(trx, target);
		if ('contactId' in target && !contact) return { ok: false, reason: 'notFound' } as const;
		if (contact) await markContactOptedOut(trx, contact.id, now);
		if (email !== null) await insertOptOut(trx, hash(email), now);
		await recordAudit(
			trx,
			{ action: 'contact.opted-out', actor: by === 'unsubscribe' ? null : auditActor(by), target: contact?.id ?? null, detail: { via: by === 'unsubscribe' ? 'unsubscribe' : 'user' } },
			now
		);
		return { ok: true, contactId: contact?.id ?? null } as const;
	});
}
