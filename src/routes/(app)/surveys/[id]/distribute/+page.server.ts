import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { addChannel, CHANNEL_CODE, createInvitationBatch, MAX_BATCH, parseExternalIds, removeChannel } from '$lib/server/collection/distribution';
import { respondentLink } from '$lib/server/collection/links';
import { appDb } from '$lib/server/db';
import { surveyQuotaGroups } from '$lib/server/design/quotas';
import { optionalText, parseForm, requiredText } from '$lib/server/forms';
import { listChannels } from '$lib/server/repo/channels';
import { listBatches } from '$lib/server/repo/invitations';
import { epochToZoned } from '$lib/survey/zoned-time';
import type { Actions, PageServerLoad } from './$types';

const channelSchema = v.object({
	code: v.pipe(requiredText(40), v.regex(CHANNEL_CODE, 'distribute.codeFormat')),
	nameZh: optionalText(100),
	nameEn: optionalText(100)
});
const removeSchema = v.object({ code: requiredText(40) });
const batchSchema = v.object({
	batch: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(60, 'validation.tooLong')),
	count: v.pipe(v.optional(v.string(), ''), v.trim()),
	externalIds: v.optional(v.string(), ''),
	channel: v.optional(v.string(), '')
});

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { survey } = await requireSurvey(locals, params.id, 'edit', url);
	const db = appDb();
	const channels = await listChannels(db, survey.id);
	return {
		code: survey.code,
		accessMode: survey.accessMode,
		publicLink: respondentLink(url.origin, survey.code),
		channels: channels.map((c) => ({ code: c.code, name: c.name, link: respondentLink(url.origin, survey.code, { channel: c.code }) })),
		batches: await listBatches(db, survey.id),
		maxBatch: MAX_BATCH,
		quotaGroups: (await surveyQuotaGroups(db, survey)).filter((g) => g.options.some((o) => o.limit !== null))
	};
};

export const actions: Actions = {
	addChannel: async ({ locals, params, request, url }) => {
		const { user, survey } = await requireSurvey(locals, params.id, 'edit', url);
		const form = await parseForm(request, channelSchema);
		if (!form.ok) return fail(400, { action: 'addChannel', values: form.values, errors: form.errors });
		const added = await addChannel(appDb(), user, survey, { code: form.data.code, name: { 'zh-CN': form.data.nameZh, en: form.data.nameEn } });
		if (!added.ok) return fail(409, { action: 'addChannel', values: form.values, errors: { [added.field]: added.reason } });
		return { action: 'addChannel', done: form.data.code };
	},
	removeChannel: async ({ locals, params, request, url }) => {
		const { user, survey } = await requireSurvey(locals, params.id, 'edit', url);
		const form = await parseForm(request, removeSchema);
		if (!form.ok) return fail(400, { action: 'removeChannel', errors: form.errors });
		const removed = await removeChannel(appDb(), user, survey, form.data.code);
		if (!removed.ok) return fail(404, { action: 'removeChannel', errors: { form: removed.reason } });
		return { action: 'removeChannel', done: form.data.code };
	},
	createInvitations: async ({ locals, params, request, url }) => {
		const { user, survey } = await requireSurvey(locals, params.id, 'edit', url);
		const form = await parseForm(request, batchSchema);
		if (!form.ok) return fail(400, { action: 'createInvitations', values: form.values, errors: form.errors });
		const ids = parseExternalIds(form.data.externalIds);
		if (!ids.ok) return fail(400, { action: 'createInvitations', values: form.values, errors: { [ids.field]: ids.reason } });
		const count = Number(form.data.count);
		if (ids.value.length === 0 && !(Number.isInteger(count) && count >= 1 && count <= MAX_BATCH)) {
			return fail(400, { action: 'createInvitations', values: form.values, errors: { count: 'distribute.countRange' } });
		}
		// An unnamed batch is named after the time it was made, on the survey's clock.
		const batch = form.data.batch || epochToZoned(Date.now(), survey.settings.timeZone).replace('T', ' ');
		const created = await createInvitationBatch(appDb(), user, survey, { batch, externalIds: ids.value, count, channelCode: form.data.channel || null });
		if (!created.ok) return fail(409, { action: 'createInvitations', values: form.values, errors: { [created.field]: created.reason } });
		return { action: 'createInvitations', done: batch, created: created.value.length };
	}
};
