import { error, fail, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { openExpert, submitExpert } from '$lib/server/ahp/expert';
import { overviewModel, roundModel } from '$lib/server/ahp/expert-view';
import { applyLanguageParam } from '$lib/server/ahp/language';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, cookies }) => {
	applyLanguageParam(url, cookies);
	const view = await openExpert(appDb(), params.token);
	if (!view) error(404, { message: 'errors.notFound' });
	return { token: params.token, round: roundModel(view), pages: overviewModel(view) };
};

export const actions: Actions = {
	submit: async ({ params }) => {
		const submitted = await submitExpert(appDb(), params.token);
		if (!submitted.ok) {
			if (submitted.reason === 'ahp.expert.notFound') error(404, { message: 'errors.notFound' });
			return fail(409, { error: submitted.reason, params: submitted.params ?? {} });
		}
		redirect(303, `/ahp/${params.token}`);
	}
};
