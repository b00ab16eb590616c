import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { audienceSize, channelRates, createCampaign, defaultTemplates, resolveAudience, type AudienceChoice, type CampaignInput } from '$lib/server/campaigns';
import { savedSegmentsWithCounts } from '$lib/server/contacts';
import { appDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { listCampaigns } from '$lib/server/repo/campaigns';
import { listChannels } from '$lib/server/repo/channels';
import { listContactAttributes } from '$lib/server/repo/contacts';
import type { Survey } from '$lib/server/repo/surveys';
import type { Actions, PageServerLoad } from './$types';

const campaignForm = v.looseObject({
	name: v.optional(v.string(), ''),
	audience: v.picklist(['all', 'attribute', 'segment'], 'validation.invalid'),
	attr: v.optional(v.string(), ''),
	segment: v.optional(v.string(), ''),
	value: v.optional(v.string(), ''),
	reminders: v.optional(v.string(), ''),
	channel: v.optional(v.string(), '')
});
type CampaignForm = v.InferOutput<typeof campaignForm>;

const audienceOf = (form: CampaignForm): AudienceChoice =>
	form.audience === 'attribute' ? { kind: 'attribute', key: form.attr, value: form.value.trim() } : form.audience === 'segment' ? { kind: 'segment', segmentId: form.segment } : { kind: 'all' };

/** "3, 7" → [3, 7] (commas, Chinese commas or spaces between); a word that is no number stays NaN for the service to refuse. */
const reminderDaysOf = (text: string): number[] => text.split(/[\s,，、]+/).filter(Boolean).map(Number);

function inputOf(survey: Survey, form: CampaignForm, values: Record<string, string>): CampaignInput {
	const templates = Object.fromEntries(survey.settings.languages.map((l) => [l, { subject: values[`subject-${l}`] ?? '', body: values[`body-${l}`] ?? '' }]));
	return { name: form.name, audience: audienceOf(form), templates, reminderDays: reminderDaysOf(form.reminders), channelCode: form.channel || null };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { survey, user } = await requireSurvey(locals, params.id, 'edit', url);
	const db = appDb();
	const campaigns = await listCampaigns(db, survey.id);
	return {
		campaigns: campaigns.map((c) => ({ id: c.id, name: c.name, wave: c.wave, createdAt: c.createdAt, sentAt: c.sentAt })),
		channels: (await listChannels(db, survey.id)).map((c) => ({ code: c.code, name: c.name })),
		byChannel: await channelRates(db, user, survey.id),
		attributes: await listContactAttributes(db),
		segments: await savedSegmentsWithCounts(db, user),
		languages: survey.settings.languages,
		timeZone: survey.settings.timeZone,
		templates: defaultTemplates(survey.settings.languages),
		allCount: await audienceSize(db, { kind: 'all' })
	};
};

export const actions: Actions = {
	/** The audience's size for the posted choice, the rest of the form kept (the live count without JavaScript). */
	count: async ({ locals, params, request, url }) => {
		await requireSurvey(locals, params.id, 'edit', url);
		const form = await parseForm(request, campaignForm);
		if (!form.ok) return fail(400, { action: 'count', values: form.values, errors: form.errors });
		const audience = await resolveAudience(appDb(), audienceOf(form.data));
		if (!audience) return fail(400, { action: 'count', values: form.values, errors: { audience: 'campaigns.error.audienceUnknown' } });
		return { action: 'count', values: form.values, count: await audienceSize(appDb(), audience) };
	},
	create: async ({ locals, params, request, url }) => {
		const { user, survey } = await requireSurvey(locals, params.id, 'edit', url);
		const form = await parseForm(request, campaignForm);
		if (!form.ok) return fail(400, { action: 'create', values: form.values, errors: form.errors });
		const created = await createCampaign(appDb(), user, survey.id, inputOf(survey, form.data, form.values));
		if (!created.ok) return fail(400, { action: 'create', values: form.values, errors: created.errors });
		redirect(303, `/surveys/${survey.id}/campaigns/${created.campaign.id}`);
	}
};
