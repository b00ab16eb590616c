import { error } from '@sveltejs/kit';
import { buildOpenAnswers, mayReadOpenAnswers } from '$lib/server/analysis/open-answers';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { accessAtLeast } from '$lib/server/repo/surveys';
import { parseOpenAnswerFilters } from '$lib/stats/text/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { access } = await requireSurvey(locals, params.id, 'view', url);
	const filters = parseOpenAnswerFilters(url.searchParams);
	const view = await buildOpenAnswers(appDb(), params.id, filters, await mayReadOpenAnswers(appDb(), params.id, access));
	if (!view) error(404, { message: 'errors.notFound' });
	return { view, filters, isOwner: accessAtLeast(access, 'owner') };
};
