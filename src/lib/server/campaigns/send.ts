// Sending a campaign: for every contact of its audience not yet a recipient, a personal single-use
// invitation, a recipient row and one `mail.send` job keyed `invitation:<id>` — all in ONE
// transaction, so a killed process leaves either the whole send or none of it, and the outbox's
// dedupe key keeps each invitation to one message. Opted-out contacts are recorded, never mailed.
// The campaign's reminders are queued in the same transaction, each for its later time.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { emailHasher } from '../contacts/opt-out';
import { wakeAppWorker } from '../jobs/wake';
import { queueMail } from '../mail/compose';
import { recordAudit } from '../repo/audit';
import { insertRecipients, markCampaignSent, recipientContactIds, type Campaign, type NewRecipient } from '../repo/campaigns';
import { listCampaignContacts, listContacts, optedOutHashes, type Contact } from '../repo/contacts';
import { insertInvitations } from '../repo/invitations';
import type { Survey } from '../repo/surveys';
import { requireCampaign, type CampaignActor } from './access';
import { composeInvitation, languageFor } from './message';
import { queueReminders } from './remind';

type Db = Kysely<Database>;

/** The most contacts one campaign reaches (the contact list's own import limit). */
export const MAX_RECIPIENTS = 100_000;

export type SendResult =
	| { ok: true; queued: number; optedOut: number; noEmail: number }
	| { ok: false; reason: 'campaigns.error.notFound' | 'campaigns.error.surveyNotOpen' };

/** The audience's contacts, as the send finds them now. */
export async function audienceContacts(db: Db, campaign: Pick<Campaign, 'audience'>): Promise<Contact[]> {
	if (campaign.audience.kind === 'campaign') return listCampaignContacts(db, campaign.audience.campaignId);
	const attribute = campaign.audience.kind === 'attribute' ? { key: campaign.audience.key, value: campaign.audience.value } : undefined;
	return listContacts(db, { attribute, limit: MAX_RECIPIENTS });
}

async function skippedFor(db: Db, contacts: Contact[]): Promise<(contact: Contact) => NewRecipient['skipped']> {
	const hash = await emailHasher(db);
	const optedOut = await optedOutHashes(db, contacts.flatMap((c) => (c.email ? [hash(c.email)] : [])));
	return (c) => (c.optedOutAt !== null || (c.email !== null && optedOut.has(hash(c.email))) ? 'optedOut' : c.email === null ? 'noEmail' : null);
}

async function queueRecipients(trx: Db, campaign: Campaign, survey: Survey, contacts: Contact[], origin: string, now: number): Promise<NewRecipient[]> {
	const skipped = await skippedFor(trx, contacts);
	const mailable = contacts.filter((c) => skipped(c) === null);
	const invitations = await insertInvitations(trx, survey.id, mailable.map((c) => c.externalId), { batch: campaign.name, channelCode: campaign.channelCode, now });
	const tokenOf = new Map(mailable.map((c, i) => [c.id, invitations[i].token]));
	const recipients: NewRecipient[] = [];
	for (const contact of contacts) {
		const locale = languageFor(survey, contact.language);
		const token = tokenOf.get(contact.id) ?? null;
		if (token) {
			const mail = await composeInvitation(trx, campaign, survey, { email: contact.email!, name: contact.name, locale, token }, origin);
			await queueMail(trx, mail, `invitation:${token}`);
			await queueReminders(trx, campaign, { contactId: contact.id, invitationId: token, origin }, now);
		}
		recipients.push({ contactId: contact.id, invitationId: token, language: locale, skipped: skipped(contact) });
	}
	await insertRecipients(trx, campaign.id, recipients, now);
	return recipients;
}

/** Sends the campaign to its audience's contacts not mailed by it yet; a repeat queues nothing for those already reached. */
export async function sendCampaign(db: Db, actor: CampaignActor, campaignId: string, origin: string, now = Date.now()): Promise<SendResult> {
	const found = await requireCampaign(db, actor, campaignId);
	if (!found) return { ok: false, reason: 'campaigns.error.notFound' };
	const { campaign, survey } = found;
	if (survey.status !== 'open' || (survey.closesAt !== null && survey.closesAt <= now)) return { ok: false, reason: 'campaigns.error.surveyNotOpen' };
	const recipients = await db.transaction().execute(async (trx) => {
		await markCampaignSent(trx, campaign.id, now);
		const already = await recipientContactIds(trx, campaign.id);
		const fresh = (await audienceContacts(trx, campaign)).filter((c) => !already.has(c.id));
		const added = await queueRecipients(trx, campaign, survey, fresh, origin, now);
		const count = (reason: NewRecipient['skipped']) => added.filter((r) => r.skipped === reason).length;
		const summary = { queued: count(null), optedOut: count('optedOut'), noEmail: count('noEmail') };
		await recordAudit(trx, { action: 'campaign.sent', actor, target: survey.id, detail: { campaign: campaign.id, ...summary } }, now);
		return summary;
	});
	if (recipients.queued > 0) wakeAppWorker();
	return { ok: true, ...recipients };
}
