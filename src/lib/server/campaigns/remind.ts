// Campaign reminders: the send queues one `campaign.remind` job per chosen delay for each contact it
// mails (keyed `remind:<invitation>:<n>`). At run time the job looks again: a contact who answered,
// unsubscribed or was deleted gets nothing; anyone else gets the reminder in their language with the
// same personal link, queued as `mail.send` (keyed `reminder:<invitation>:<n>`) in the transaction
// that completes the remind job, so neither a repeat nor a crash sends it twice.
import type { Kysely } from 'kysely';
import { catalogs } from '$lib/i18n/catalogs';
import type { Locale } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { isOptedOut } from '../contacts';
import type { Database } from '../db/schema';
import type { JobHandler } from '../jobs/handler';
import { composeMail, queueMail } from '../mail/compose';
import type { MailContent } from '../mail/render';
import { findCampaign, invitationAnswered, reminderJobCounts, type Campaign } from '../repo/campaigns';
import { findContact } from '../repo/contacts';
import { enqueueJob } from '../repo/jobs';
import { findSurveyById, type Survey } from '../repo/surveys';
import { invitationContent, languageFor } from './message';

type Db = Kysely<Database>;

export const REMIND_KIND = 'campaign.remind';
export const MAX_REMINDERS = 3;
const DAY_MS = 86_400_000;

export interface RemindPayload {
	campaignId: string;
	contactId: string;
	invitationId: string;
	/** 1-based: which of the campaign's reminders. */
	n: number;
	origin: string;
}

/** Why a reminder was not sent, as the job's result: the campaign page counts them. */
export type ReminderSkip = 'answered' | 'optedOut';

/** Queues the campaign's reminders for one invitation just mailed; run in the send's transaction. */
export async function queueReminders(trx: Db, campaign: Campaign, reminder: Omit<RemindPayload, 'n' | 'campaignId'>, now: number): Promise<void> {
	for (const [i, days] of campaign.reminderDays.entries()) {
		const payload: RemindPayload = { ...reminder, campaignId: campaign.id, n: i + 1 };
		await enqueueJob(trx, { kind: REMIND_KIND, payload, dedupeKey: `remind:${reminder.invitationId}:${i + 1}`, runAt: now + days * DAY_MS }, now);
	}
}

/** The reminder line first, then the invitation itself with the same personal link. */
function reminderContent(campaign: Campaign, survey: Survey, locale: Locale, name: string, token: string, origin: string): MailContent {
	const invitation = invitationContent(campaign, survey, locale, { name, token }, origin);
	const catalog = catalogs[locale];
	return {
		...invitation,
		subject: translate(catalog, 'campaigns.reminder.subject', { subject: invitation.subject }),
		paragraphs: [translate(catalog, 'campaigns.reminder.intro'), ...invitation.paragraphs]
	};
}

export function campaignRemindHandler(db: Db): JobHandler {
	return {
		kind: REMIND_KIND,
		async run(job) {
			const reminder = job.payload as RemindPayload;
			const skip = (result: ReminderSkip) => ({ state: 'skipped' as const, result });
			if (await invitationAnswered(db, reminder.invitationId)) return skip('answered');
			const contact = await findContact(db, reminder.contactId);
			if (!contact?.email || (await isOptedOut(db, { contactId: contact.id }))) return skip('optedOut');
			const campaign = await findCampaign(db, reminder.campaignId);
			const survey = campaign && (await findSurveyById(db, campaign.surveyId));
			if (!campaign || !survey) return { state: 'skipped', result: 'campaignDeleted' };
			if (survey.status !== 'open' || (survey.closesAt !== null && survey.closesAt <= Date.now())) return { state: 'skipped', result: 'surveyClosed' };
			const locale = languageFor(survey, contact.language);
			const mail = await composeMail(db, contact.email, locale, reminder.origin, reminderContent(campaign, survey, locale, contact.name, reminder.invitationId, reminder.origin));
			return { state: 'done', alongside: async (trx) => void (await queueMail(trx, mail, `reminder:${reminder.invitationId}:${reminder.n}`)) };
		}
	};
}

export interface ReminderSummary {
	days: number[];
	/** Reminders still to run (their time not come, or being retried). */
	waiting: number;
	sent: number;
	answered: number;
	optedOut: number;
}

/** The campaign's reminder plan and what became of its reminders so far. */
export async function reminderSummary(db: Db, campaign: Campaign): Promise<ReminderSummary> {
	const summary: ReminderSummary = { days: campaign.reminderDays, waiting: 0, sent: 0, answered: 0, optedOut: 0 };
	if (campaign.reminderDays.length === 0) return summary;
	for (const { state, result, n } of await reminderJobCounts(db, campaign.id, MAX_REMINDERS)) {
		if (state === 'done') summary.sent += n;
		else if (state === 'skipped' && (result === 'answered' || result === 'optedOut')) summary[result] += n;
		else if (state === 'queued' || state === 'running' || state === 'failed') summary.waiting += n;
	}
	return summary;
}
