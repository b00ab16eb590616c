import type { Kysely } from 'kysely';
import { canManageContacts } from '../contacts';
import type { Database } from '../db/schema';
import { findCampaign, type Campaign } from '../repo/campaigns';
import { accessAtLeast, findSurveyById, surveyAccess, type Survey } from '../repo/surveys';
import type { User } from '../repo/users';

type Db = Kysely<Database>;
export type CampaignActor = Pick<User, 'id' | 'email' | 'role'>;

/** Thrown by a campaign service when the actor may not mail contacts for this survey. */
export class CampaignForbidden extends Error {
	constructor() {
		super('errors.forbidden');
	}
}

/**
 * First line of every campaign service: campaigns hold personal data (never for viewers) and send
 * in the survey's name (edit access to the survey, as its owner, an admin or a shared editor).
 */
export async function requireCampaignSurvey(db: Db, actor: CampaignActor, surveyId: string): Promise<Survey> {
	if (!canManageContacts(actor) || !accessAtLeast(await surveyAccess(db, actor, surveyId), 'edit')) throw new CampaignForbidden();
	const survey = await findSurveyById(db, surveyId);
	if (!survey) throw new CampaignForbidden();
	return survey;
}

/** The campaign and its survey, when the actor may work on them; undefined for an unknown campaign. */
export async function requireCampaign(db: Db, actor: CampaignActor, campaignId: string): Promise<{ campaign: Campaign; survey: Survey } | undefined> {
	const campaign = await findCampaign(db, campaignId);
	if (!campaign) return undefined;
	return { campaign, survey: await requireCampaignSurvey(db, actor, campaign.surveyId) };
}
