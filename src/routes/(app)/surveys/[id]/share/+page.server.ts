import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { shareOpenAnswers, shareSurvey, unshareSurvey } from '$lib/server/design/shares';
import { emailField, parseForm, readForm } from '$lib/server/forms';
import { findOpenAnswerSharing } from '$lib/server/repo/open-answers';
import { listShares } from '$lib/server/repo/surveys';
import type { Actions, PageServerLoad } from './$types';

const addSchema = v.object({ email: emailField, access: v.picklist(['edit', 'view'], 'validation.invalid') });
const removeSchema = v.object({ userId: v.pipe(v.optional(v.string(), ''), v.nonEmpty('validation.required')) });

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { survey } = await requireSurvey(locals, params.id, 'owner', url);
	return { shares: await listShares(appDb(), survey.id), openAnswersShared: await findOpenAnswerSharing(appDb(), survey.id) };
};

export const actions: Actions = {
	add: async ({ locals, params, request, url }) => {
		const { user, survey } = await requireSurvey(locals, params.id, 'owner', url);
		const form = await parseForm(request, addSchema);
		if (!form.ok) return fail(400, { action: 'add', values: form.values, errors: form.errors as Record<string, string> });
		const shared = await shareSurvey(appDb(), user, survey, form.data.email, form.data.access);
		if (!shared.ok) return fail(400, { action: 'add', values: form.values, errors: { email: shared.reason } as Record<string, string> });
		return { action: 'add', shared: shared.value };
	},
	remove: async ({ locals, params, request, url }) => {
		const { user, survey } = await requireSurvey(locals, params.id, 'owner', url);
		const form = await parseForm(request, removeSchema);
		if (!form.ok) return fail(400, { action: 'remove', errors: { form: 'validation.invalid' } as Record<string, string> });
		const removed = await unshareSurvey(appDb(), user, survey, form.data.userId);
		if (!removed.ok) return fail(404, { action: 'remove', errors: { form: removed.reason } as Record<string, string> });
		return { action: 'remove', removed: true };
	},
	openAnswers: async ({ locals, params, request, url }) => {
		const { user, survey } = await requireSurvey(locals, params.id, 'owner', url);
		const form = await readForm(request);
		if (!form) return fail(400, { action: 'openAnswers', errors: { form: 'validation.malformed' } as Record<string, string> });
		await shareOpenAnswers(appDb(), user, survey, form.get('shared') === 'on');
		return { action: 'openAnswers', saved: true };
	}
};
