// Email invitation campaigns for a survey, one service per operation, each checking the actor's
// edit access to the survey (viewers never) and writing in one transaction with its audit entry.
export { CampaignForbidden, type CampaignActor } from './access';
export { createCampaign, MAX_CAMPAIGN_NAME, MAX_REMINDER_DAYS, type CampaignInput, type CampaignErrors, type CreateCampaignResult } from './create';
export { sendCampaign, MAX_RECIPIENTS, type SendResult } from './send';
export { defaultTemplates } from './message';
export { audienceSize, campaignCsv, campaignReport, channelRates, previewCampaign, sendCampaignTest, type CampaignReport } from './view';
export { startNewWave } from './wave';
export { campaignRemindHandler, MAX_REMINDERS, REMIND_KIND } from './remind';
export { resolveAudience, type AudienceChoice } from './audience';
