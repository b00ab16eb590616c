import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { InvitationTemplate } from '../../survey/invitation-template';

type Db = Kysely<Database>;

/**
 * Who a campaign writes to: every contact, those whose attribute `key` is exactly `value` (`segment`:
 * the saved segment it was chosen as), or the contacts of an earlier campaign of the survey (a new
 * wave re-fields to the same panel).
 */
export type CampaignAudience = { kind: 'all' } | { kind: 'attribute'; key: string; value: string; segment?: string } | { kind: 'campaign'; campaignId: string };

export interface Campaign {
	id: string;
	surveyId: string;
	name: string;
	audience: CampaignAudience;
	/** Language → template; one per survey language. */
	templates: Record<string, InvitationTemplate>;
	createdBy: string | null;
	createdAt: number;
	sentAt: number | null;
	/** Delays in days after the send, one reminder each, ascending; empty for none. */
	reminderDays: number[];
	/** The survey's wave this campaign is: 1, 2, … */
	wave: number;
	/** The survey channel its invitations, and so their responses, count under; null for none. */
	channelCode: string | null;
}

export interface NewRecipient {
	contactId: string;
	invitationId: string | null;
	language: string;
	skipped: 'optedOut' | 'noEmail' | null;
}

/** One recipient joined with what followed: the mail job, the invitation's use, the response. */
export interface RecipientRow {
	contactId: string;
	invitationId: string | null;
	email: string | null;
	name: string;
	externalId: string | null;
	language: string;
	attributes: Record<string, string>;
	skipped: string | null;
	jobState: string | null;
	lastError: string | null;
	startedAt: number | null;
	usedAt: number | null;
	responded: boolean;
}

const toCampaign = (row: Database['campaigns']): Campaign => ({
	id: row.id,
	surveyId: row.survey_id,
	name: row.name,
	audience: JSON.parse(row.audience) as CampaignAudience,
	templates: JSON.parse(row.templates) as Record<string, InvitationTemplate>,
	createdBy: row.created_by,
	createdAt: Number(row.created_at),
	sentAt: row.sent_at === null ? null : Number(row.sent_at),
	reminderDays: JSON.parse(row.reminder_days) as number[],
	wave: Number(row.wave),
	channelCode: row.channel_code
});

export async function insertCampaign(db: Db, campaign: Campaign): Promise<void> {
	await db
		.insertInto('campaigns')
		.values({
			id: campaign.id,
			survey_id: campaign.surveyId,
			name: campaign.name,
			audience: JSON.stringify(campaign.audience),
			templates: JSON.stringify(campaign.templates),
			created_by: campaign.createdBy,
			created_at: campaign.createdAt,
			sent_at: campaign.sentAt,
			reminder_days: JSON.stringify(campaign.reminderDays),
			wave: campaign.wave,
			channel_code: campaign.channelCode
		})
		.execute();
}

export async function findCampaign(db: Db, id: string): Promise<Campaign | undefined> {
	const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
	return row && toCampaign(row);
}

/** The survey's campaigns, newest first. */
export async function listCampaigns(db: Db, surveyId: string): Promise<Campaign[]> {
	const rows = await db.selectFrom('campaigns').selectAll().where('survey_id', '=', surveyId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
	return rows.map(toCampaign);
}

/** The number the survey's next wave gets: one after its last, 1 for the first. */
export async function nextWave(db: Db, surveyId: string): Promise<number> {
	const row = await db.selectFrom('campaigns').select((eb) => eb.fn.max('wave').as('last')).where('survey_id', '=', surveyId).executeTakeFirst();
	return Number(row?.last ?? 0) + 1;
}

export async function campaignNameTaken(db: Db, surveyId: string, name: string): Promise<boolean> {
	return (await db.selectFrom('campaigns').select('id').where('survey_id', '=', surveyId).where('name', '=', name).executeTakeFirst()) !== undefined;
}

/**
 * Stamps the send (the first time only). As the send's first write it takes the campaign row's
 * lock on PostgreSQL and the write lock on SQLite, so two sends of one campaign run one after the other.
 */
export async function markCampaignSent(db: Db, id: string, now: number): Promise<void> {
	await db.updateTable('campaigns').set({ sent_at: sql<number>`coalesce(sent_at, ${now})` }).where('id', '=', id).execute();
}

/** Contacts already recipients of the campaign (a second send leaves them alone). */
export async function recipientContactIds(db: Db, campaignId: string): Promise<Set<string>> {
	const rows = await db.selectFrom('campaign_recipients').select('contact_id').where('campaign_id', '=', campaignId).execute();
	return new Set(rows.map((r) => r.contact_id));
}

export async function insertRecipients(db: Db, campaignId: string, recipients: NewRecipient[], now: number): Promise<void> {
	const rows = recipients.map((r) => ({ campaign_id: campaignId, contact_id: r.contactId, invitation_id: r.invitationId, language: r.language, skipped: r.skipped, created_at: now }));
	for (let i = 0; i < rows.length; i += 500) await db.insertInto('campaign_recipients').values(rows.slice(i, i + 500)).execute();
}

/** Recipients with their mail job's state, the invitation's use, whether a response is stored, and their campaign's channel. */
function recipientRowsQuery(db: Db) {
	return db
		.selectFrom('campaign_recipients as r')
		.innerJoin('campaigns as k', 'k.id', 'r.campaign_id')
		.leftJoin('contacts as c', 'c.id', 'r.contact_id')
		.leftJoin('invitations as i', 'i.id', 'r.invitation_id')
		.leftJoin('jobs as j', (join) => join.on('j.kind', '=', 'mail.send').on('j.dedupe_key', '=', sql<string>`'invitation:' || r.invitation_id`))
		.leftJoin('responses as s', 's.invitation_id', 'r.invitation_id')
		.select(['r.contact_id', 'r.invitation_id', 'r.language', 'r.skipped', 'c.email', 'c.name', 'c.external_id', 'c.attributes', 'j.state', 'j.last_error', 'i.started_at', 'i.used_at', 's.id as response_id', 'k.channel_code'])
		.orderBy('r.created_at')
		.orderBy('r.contact_id');
}

const toRecipientRow = (row: Awaited<ReturnType<ReturnType<typeof recipientRowsQuery>['execute']>>[number]): RecipientRow => ({
	contactId: row.contact_id,
	invitationId: row.invitation_id,
	email: row.email,
	name: row.name ?? '',
	externalId: row.external_id,
	language: row.language,
	attributes: row.attributes ? (JSON.parse(row.attributes) as Record<string, string>) : {},
	skipped: row.skipped,
	jobState: row.state,
	lastError: row.last_error,
	startedAt: row.started_at === null ? null : Number(row.started_at),
	usedAt: row.used_at === null ? null : Number(row.used_at),
	responded: row.response_id !== null
});

/** Every recipient of the campaign with its mail job's state, the invitation's use and whether a response is stored. */
export async function listRecipientRows(db: Db, campaignId: string): Promise<RecipientRow[]> {
	return (await recipientRowsQuery(db).where('r.campaign_id', '=', campaignId).execute()).map(toRecipientRow);
}

/** Every recipient of the survey's campaigns, as listRecipientRows, with the channel its campaign counts under (null: none). */
export async function listSurveyRecipientRows(db: Db, surveyId: string): Promise<(RecipientRow & { channelCode: string | null })[]> {
	const rows = await recipientRowsQuery(db).where('k.survey_id', '=', surveyId).execute();
	return rows.map((row) => ({ ...toRecipientRow(row), channelCode: row.channel_code }));
}

/** Whether the invitation was used or a response stored with it (the contact has answered). */
export async function invitationAnswered(db: Db, invitationId: string): Promise<boolean> {
	const used = await db.selectFrom('invitations').select('id').where('id', '=', invitationId).where('used_at', 'is not', null).executeTakeFirst();
	if (used) return true;
	return (await db.selectFrom('responses').select('id').where('invitation_id', '=', invitationId).executeTakeFirst()) !== undefined;
}

/** The campaign's reminder jobs (`campaign.remind`, keyed `remind:<invitation>:<n>`) by state and result. */
export async function reminderJobCounts(db: Db, campaignId: string, maxReminders: number): Promise<{ state: string; result: string | null; n: number }[]> {
	const keys = Array.from({ length: maxReminders }, (_, i) => i + 1);
	const rows = await db
		.selectFrom('campaign_recipients as r')
		.innerJoin('jobs as j', (join) =>
			join.on('j.kind', '=', 'campaign.remind').on((eb) => eb.or(keys.map((n) => eb('j.dedupe_key', '=', sql<string>`'remind:' || r.invitation_id || ${`:${n}`}`))))
		)
		.select(['j.state', 'j.result', (eb) => eb.fn.countAll<number>().as('n')])
		.where('r.campaign_id', '=', campaignId)
		.groupBy(['j.state', 'j.result'])
		.execute();
	return rows.map((row) => ({ state: row.state, result: row.result, n: Number(row.n) }));
}
