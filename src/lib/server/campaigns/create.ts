// A new campaign: its name, audience and a template per survey language, checked and stored as a
// draft (nothing is mailed until it is sent) in one transaction with its audit entry.
import type { Kysely } from 'kysely';
import { templateProblem, type InvitationTemplate } from '../../survey/invitation-template';
import type { Database } from '../db/schema';
import { randomToken } from '../ids';
import { recordAudit } from '../repo/audit';
import { campaignNameTaken, findCampaign, insertCampaign, nextWave, type Campaign, type CampaignAudience } from '../repo/campaigns';
import { channelExists } from '../repo/channels';
import { isLostWriteRace } from '../repo/constraint';
import { listContactAttributes } from '../repo/contacts';
import { listBatches } from '../repo/invitations';
import type { Survey } from '../repo/surveys';
import { requireCampaignSurvey, type CampaignActor } from './access';
import { resolveAudience, type AudienceChoice } from './audience';
import { MAX_REMINDERS } from './remind';

type Db = Kysely<Database>;

export interface CampaignInput {
	name: string;
	audience: AudienceChoice;
	templates: Record<string, InvitationTemplate>;
	/** Reminder delays in days after the send; absent or empty: no reminders. */
	reminderDays?: number[];
	/** The survey channel its responses count under; absent or null: none. */
	channelCode?: string | null;
}

/** Field → message key of what is wrong with it. */
export type CampaignErrors = Record<string, string>;
export type CreateCampaignResult = { ok: true; campaign: Campaign } | { ok: false; errors: CampaignErrors };

export const MAX_CAMPAIGN_NAME = 120;
/** The longest reminder delay, in days. */
export const MAX_REMINDER_DAYS = 90;

/** Whole days from 1 to MAX_REMINDER_DAYS, no delay twice, at most MAX_REMINDERS. */
function reminderDaysValid(days: readonly number[]): boolean {
	return days.length <= MAX_REMINDERS && new Set(days).size === days.length && days.every((d) => Number.isInteger(d) && d >= 1 && d <= MAX_REMINDER_DAYS);
}

/** An attribute the contact list has (with a value), or an earlier campaign of this survey. */
async function audienceKnown(db: Db, surveyId: string, audience: CampaignAudience): Promise<boolean> {
	if (audience.kind === 'attribute') return (await listContactAttributes(db)).some((a) => a.key === audience.key) && audience.value.trim() !== '';
	if (audience.kind === 'campaign') return (await findCampaign(db, audience.campaignId))?.surveyId === surveyId;
	return true;
}

async function checkInput(db: Db, surveyId: string, languages: readonly string[], input: CampaignInput, audience: CampaignAudience | undefined): Promise<CampaignErrors> {
	const errors: CampaignErrors = {};
	const name = input.name.trim();
	if (!name) errors.name = 'campaigns.error.nameMissing';
	else if (name.length > MAX_CAMPAIGN_NAME) errors.name = 'campaigns.error.nameTooLong';
	// The name is also the invitations' batch under Distribute, so it may name neither twice.
	else if ((await campaignNameTaken(db, surveyId, name)) || (await listBatches(db, surveyId)).some((b) => b.batch === name)) errors.name = 'campaigns.error.nameTaken';
	if (!audience || !(await audienceKnown(db, surveyId, audience))) errors.audience = 'campaigns.error.audienceUnknown';
	if (!reminderDaysValid(input.reminderDays ?? [])) errors.reminders = 'campaigns.error.reminderDays';
	if (input.channelCode && !(await channelExists(db, surveyId, input.channelCode))) errors.channel = 'campaigns.error.channelUnknown';
	for (const language of languages) {
		const template = input.templates[language];
		const problem = template ? templateProblem(template) : 'campaigns.template.subjectMissing';
		if (problem) errors[`template.${language}`] = problem;
	}
	return errors;
}

/** The refusal when another campaign of the survey took the next wave number at the same moment. */
export const WAVE_TAKEN: CreateCampaignResult = { ok: false, errors: { form: 'campaigns.error.waveTaken' } };

/** Creates the survey's next wave (each campaign is one); nothing is mailed until it is sent. WAVE_TAKEN when another creation won the wave number. */
export async function createCampaign(db: Db, actor: CampaignActor, surveyId: string, input: CampaignInput, now = Date.now()): Promise<CreateCampaignResult> {
	const survey = await requireCampaignSurvey(db, actor, surveyId);
	try {
		return await insertNextWave(db, actor, survey, input, now);
	} catch (e) {
		// Two creations at once read the same last wave; the campaigns_survey_wave_idx index lets one win.
		if (isLostWriteRace(e)) return WAVE_TAKEN;
		throw e;
	}
}

async function insertNextWave(db: Db, actor: CampaignActor, survey: Survey, input: CampaignInput, now: number): Promise<CreateCampaignResult> {
	const languages = survey.settings.languages;
	return db.transaction().execute(async (trx) => {
		const audience = await resolveAudience(trx, input.audience);
		const errors = await checkInput(trx, survey.id, languages, input, audience);
		if (!audience || Object.keys(errors).length) return { ok: false, errors };
		const templates = Object.fromEntries(languages.map((l) => [l, input.templates[l]]));
		const reminderDays = [...(input.reminderDays ?? [])].sort((a, b) => a - b);
		const wave = await nextWave(trx, survey.id);
		const campaign: Campaign = { id: randomToken(), surveyId: survey.id, name: input.name.trim(), audience, templates, createdBy: actor.id, createdAt: now, sentAt: null, reminderDays, wave, channelCode: input.channelCode || null };
		await insertCampaign(trx, campaign);
		await recordAudit(trx, { action: 'campaign.created', actor, target: survey.id, detail: { campaign: campaign.id, name: campaign.name, wave, reminderDays: reminderDays.join(', '), channel: campaign.channelCode, segment: audience.kind === 'attribute' ? (audience.segment ?? null) : null } }, now);
		return { ok: true, campaign };
	});
}
