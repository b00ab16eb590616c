// What a campaign page shows: counts per state, failures with the server's reason, response rates
// overall, by contact attribute and (across a survey's campaigns) by channel, each recipient for the CSV; and the preview and test send.
import type { Kysely } from 'kysely';
import { breakdownByAttribute, breakdownByChannel, countOutcomes, recipientState, type AttributeBreakdown, type CampaignCounts, type ChannelOutcome, type ChannelRates, type RecipientOutcome } from '../../stats/campaign-rates';
import { textLine, UTF8_BOM } from '../../csv/export-encoding';
import { epochToZonedIso } from '../../survey/zoned-time';
import type { Database } from '../db/schema';
import { wakeAppWorker } from '../jobs/wake';
import { queueMail } from '../mail/compose';
import type { MailContent } from '../mail/render';
import { recordAudit } from '../repo/audit';
import { listRecipientRows, listSurveyRecipientRows, type Campaign, type RecipientRow } from '../repo/campaigns';
import { countContacts, listContactAttributes, type ContactAttribute } from '../repo/contacts';
import type { Survey } from '../repo/surveys';
import { requireCampaign, requireCampaignSurvey, type CampaignActor } from './access';
import { composeInvitation, invitationContent, languageFor } from './message';
import { reminderSummary, type ReminderSummary } from './remind';
import { audienceContacts } from './send';

type Db = Kysely<Database>;

export interface CampaignReport {
	campaign: Campaign;
	survey: Survey;
	counts: CampaignCounts;
	byAttribute: (AttributeBreakdown & { label: ContactAttribute['label'] })[];
	failures: { name: string; email: string | null; reason: string }[];
	recipients: (RecipientRow & RecipientOutcome)[];
	reminders: ReminderSummary;
}

const outcomeOf = (row: RecipientRow): RecipientRow & RecipientOutcome => ({
	...row,
	state: recipientState(row.jobState, row.skipped),
	started: row.startedAt !== null || row.usedAt !== null || row.responded,
	completed: row.responded
});

export async function campaignReport(db: Db, actor: CampaignActor, campaignId: string): Promise<CampaignReport | undefined> {
	const found = await requireCampaign(db, actor, campaignId);
	if (!found) return undefined;
	const recipients = (await listRecipientRows(db, campaignId)).map(outcomeOf);
	const attributes = await listContactAttributes(db);
	const byAttribute = breakdownByAttribute(recipients, attributes.map((a) => a.key)).map((b, i) => ({ ...b, label: attributes[i].label }));
	const failures = recipients.filter((r) => r.state === 'failed').map((r) => ({ name: r.name, email: r.email, reason: r.lastError ?? '' }));
	const reminders = await reminderSummary(db, found.campaign);
	return { ...found, counts: countOutcomes(recipients), byAttribute, failures, recipients, reminders };
}

/** Counts and response rates per channel across the survey's campaigns, each recipient under its campaign's channel (null: none). */
export async function channelRates(db: Db, actor: CampaignActor, surveyId: string): Promise<ChannelRates[]> {
	await requireCampaignSurvey(db, actor, surveyId);
	return breakdownByChannel((await listSurveyRecipientRows(db, surveyId)).map((row): ChannelOutcome => ({ ...outcomeOf(row), channel: row.channelCode })));
}

/** Each recipient as CSV (UTF-8 with BOM, formula-safe): identity, language, state, reason, started, completed, used_at (ISO in the survey's zone). */
export function campaignCsv(report: Pick<CampaignReport, 'recipients'>, timeZone: string): string {
	const header = textLine(['external_id', 'email', 'name', 'language', 'state', 'reason', 'started', 'completed', 'used_at']);
	const rows = report.recipients.map((r) =>
		textLine([r.externalId ?? '', r.email ?? '', r.name, r.language, r.state, r.state === 'failed' ? (r.lastError ?? '') : '', r.started ? '1' : '0', r.completed ? '1' : '0', r.usedAt === null ? '' : epochToZonedIso(r.usedAt, timeZone)])
	);
	return UTF8_BOM + header + rows.join('');
}

/** How many contacts the audience holds now (the new-campaign page's count). */
export async function audienceSize(db: Db, audience: Campaign['audience']): Promise<number> {
	return audience.kind === 'all' ? countContacts(db) : (await audienceContacts(db, { audience })).length;
}

/** The message one of the campaign's contacts would get, with the public link in place of the personal one. */
export async function previewCampaign(db: Db, actor: CampaignActor, campaignId: string, origin: string): Promise<{ content: MailContent; contactName: string; language: string } | undefined> {
	const found = await requireCampaign(db, actor, campaignId);
	if (!found) return undefined;
	// Someone the campaign would actually write to, so the preview never shows an unsubscribed contact.
	const contact = (await audienceContacts(db, found.campaign)).find((c) => c.email !== null && c.optedOutAt === null);
	const locale = languageFor(found.survey, contact?.language ?? null);
	const name = contact?.name ?? '';
	return { content: invitationContent(found.campaign, found.survey, locale, { name, token: null }, origin), contactName: name, language: locale };
}

/** Queues the message in `locale` to the actor's own address, with the survey's public link: no invitation is spent. */
export async function sendCampaignTest(db: Db, actor: CampaignActor & { name: string }, campaignId: string, locale: string, origin: string): Promise<boolean> {
	const found = await requireCampaign(db, actor, campaignId);
	if (!found) return false;
	const language = languageFor(found.survey, locale);
	const mail = await composeInvitation(db, found.campaign, found.survey, { email: actor.email, name: actor.name, locale: language, token: null }, origin);
	await db.transaction().execute(async (trx) => {
		await queueMail(trx, mail);
		await recordAudit(trx, { action: 'campaign.test-sent', actor, target: found.survey.id, detail: { campaign: campaignId, language } });
	});
	wakeAppWorker();
	return true;
}
