// A new wave re-fields the survey to the same panel: the contacts of an earlier campaign, its texts
// and reminders, each contact with a new personal link when the wave is sent. A campaign has at most
// one unsent next wave: starting it again (a double click, or two people at the same moment, which
// the unique wave number turns into a refusal for one of them) opens the wave already started.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { requireCampaign, type CampaignActor } from './access';
import { listCampaigns, type Campaign } from '../repo/campaigns';
import { createCampaign, type CreateCampaignResult } from './create';

type Db = Kysely<Database>;

/** Creates the next wave from campaign `campaignId` under `name`; undefined for an unknown campaign. */
export async function startNewWave(db: Db, actor: CampaignActor, campaignId: string, name: string, now = Date.now()): Promise<CreateCampaignResult | undefined> {
	const found = await requireCampaign(db, actor, campaignId);
	if (!found) return undefined;
	const { campaign } = found;
	const started = await unsentWaveOf(db, campaign);
	if (started) return { ok: true, campaign: started };
	const input = { name, audience: { kind: 'campaign' as const, campaignId: campaign.id }, templates: campaign.templates, reminderDays: campaign.reminderDays, channelCode: campaign.channelCode };
	const created = await createCampaign(db, actor, campaign.surveyId, input, now);
	if (created.ok || created.errors.form !== 'campaigns.error.waveTaken') return created;
	const raced = await unsentWaveOf(db, campaign);
	return raced ? { ok: true, campaign: raced } : created;
}

/** The unsent wave that re-fields `campaign`'s contacts, if one was started. */
async function unsentWaveOf(db: Db, campaign: Campaign): Promise<Campaign | undefined> {
	return (await listCampaigns(db, campaign.surveyId)).find((c) => c.sentAt === null && c.audience.kind === 'campaign' && c.audience.campaignId === campaign.id);
}
