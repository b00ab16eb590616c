import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { campaignReport, previewCampaign, sendCampaign, sendCampaignTest, startNewWave } from '$lib/server/campaigns';
import { appDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { findCampaign } from '$lib/server/repo/campaigns';
import { listChannels } from '$lib/server/repo/channels';
import type { Actions, PageServerLoad } from './$types';

const testForm = v.object({ language: v.optional(v.string(), '') });
const waveForm = v.object({ name: v.optional(v.string(), '') });

/** The campaign when it belongs to this survey and the user may edit the survey; 404 otherwise. */
async function requireCampaignPage(locals: App.Locals, params: { id: string; campaignId: string }, url: URL) {
	const { user, survey } = await requireSurvey(locals, params.id, 'edit', url);
	const campaign = await findCampaign(appDb(), params.campaignId);
	if (!campaign || campaign.surveyId !== survey.id) error(404, { message: 'errors.notFound' });
	return { user, survey, campaign };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { user, survey, campaign } = await requireCampaignPage(locals, params, url);
	const db = appDb();
	const report = (await campaignReport(db, user, campaign.id))!;
	const preview = (await previewCampaign(db, user, campaign.id, url.origin))!;
	const failures = report.failures;
	const source = campaign.audience.kind === 'campaign' ? await findCampaign(db, campaign.audience.campaignId) : undefined;
	const channel = campaign.channelCode === null ? undefined : (await listChannels(db, survey.id)).find((c) => c.code === campaign.channelCode);
	return {
		campaign: { id: campaign.id, name: campaign.name, sentAt: campaign.sentAt, audience: campaign.audience, createdAt: campaign.createdAt, wave: campaign.wave },
		source: source ? { id: source.id, name: source.name, wave: source.wave } : null,
		// A channel removed since is named by its code, as its responses keep it.
		channel: campaign.channelCode === null ? null : (channel?.name ?? { 'zh-CN': campaign.channelCode, en: campaign.channelCode }),
		counts: report.counts,
		byAttribute: report.byAttribute,
		failures,
		reminders: report.reminders,
		preview,
		languages: survey.settings.languages,
		timeZone: survey.settings.timeZone,
		canSend: survey.status === 'open' && (survey.closesAt === null || survey.closesAt > Date.now())
	};
};

export const actions: Actions = {
	test: async ({ locals, params, request, url }) => {
		const { user, campaign } = await requireCampaignPage(locals, params, url);
		const form = await parseForm(request, testForm);
		if (!form.ok) return fail(400, { action: 'test', errors: form.errors });
		await sendCampaignTest(appDb(), user, campaign.id, form.data.language, url.origin);
		return { action: 'test', done: user.email };
	},
	send: async ({ locals, params, url }) => {
		const { user, campaign } = await requireCampaignPage(locals, params, url);
		const sent = await sendCampaign(appDb(), user, campaign.id, url.origin);
		if (!sent.ok) return fail(409, { action: 'send', errors: { form: sent.reason } });
		return { action: 'send', queued: sent.queued, optedOut: sent.optedOut, noEmail: sent.noEmail };
	},
	/** The next wave to this campaign's contacts, as a draft to check and send. */
	newWave: async ({ locals, params, request, url }) => {
		const { user, survey, campaign } = await requireCampaignPage(locals, params, url);
		const form = await parseForm(request, waveForm);
		if (!form.ok) return fail(400, { action: 'newWave', values: form.values, errors: form.errors });
		const created = await startNewWave(appDb(), user, campaign.id, form.data.name);
		if (!created) error(404, { message: 'errors.notFound' });
		if (!created.ok) return fail(400, { action: 'newWave', values: form.values, errors: created.errors });
		redirect(303, `/surveys/${survey.id}/campaigns/${created.campaign.id}`);
	}
};
