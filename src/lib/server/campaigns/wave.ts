// A new wave re-fields the survey to the same panel: the contacts of an earlier campaign, its texts
// and reminders, each contact with a new personal link when the wave is sent.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { requireCampaign, type CampaignActor } from './access';
import { createCampaign, type CreateCampaignResult } from './create';

type Db = Kysely<Database>;

/** Creates the next wave from campaign `campaignId` under `name`; undefined for an unknown campaign. */
export async function startNewWave(db: Db, actor: CampaignActor, campaignId: string, name: string, now = Date.now()): Promise<CreateCampaignResult | undefined> {
	const found = await requireCampaign(db, actor, campaignId);
	if (!found) return undefined;
	const { campaign } = found;
	const input = { name, audience: { kind: 'campaign' as const, campaignId: campaign.id }, templates: campaign.templates, reminderDays: campaign.reminderDays };
	return createCampaign(db, actor, campaign.surveyId, input, now);
}
