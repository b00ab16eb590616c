import { fail } from '@sveltejs/kit';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { saveCompetitors } from '$lib/server/design/competitors';
import { readForm } from '$lib/server/forms';
import { competitorsFromFields } from '$lib/survey/competitor-design';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { survey } = await requireSurvey(locals, params.id, 'edit', url);
	return { competitors: survey.draft.competitors ?? [], languages: survey.settings.languages };
};

export const actions: Actions = {
	save: async ({ locals, params, request, url }) => {
		const { user, survey } = await requireSurvey(locals, params.id, 'edit', url);
		const form = await readForm(request);
		if (!form) return fail(400, { error: 'validation.malformed' });
		const fields: Record<string, string> = {};
		for (const [name, value] of form) if (typeof value === 'string') fields[name] = value;
		const competitors = competitorsFromFields(fields);
		const saved = await saveCompetitors(appDb(), user, survey, competitors);
		if (!saved.ok) return fail('problems' in saved ? 400 : 409, { competitors, problems: 'problems' in saved ? saved.problems : [], error: 'reason' in saved ? saved.reason : null });
		return { saved: true, competitors };
	}
};
