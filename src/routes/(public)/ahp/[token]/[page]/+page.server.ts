import { error, fail, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { openExpert, saveExpertPage } from '$lib/server/ahp/expert';
import { pageModel, roundModel } from '$lib/server/ahp/expert-view';
import { applyLanguageParam } from '$lib/server/ahp/language';
import type { Actions, PageServerLoad } from './$types';

/** The page index from the 1-based route parameter; 404 for anything else. */
function pageIndex(param: string, count: number): number {
	const n = Number(param);
	if (!Number.isInteger(n) || n < 1 || n > count) error(404, { message: 'errors.notFound' });
	return n - 1;
}

export const load: PageServerLoad = async ({ params, url, cookies }) => {
	applyLanguageParam(url, cookies);
	const view = await openExpert(appDb(), params.token);
	if (!view) error(404, { message: 'errors.notFound' });
	const index = pageIndex(params.page, view.pages.length);
	return {
		token: params.token,
		round: roundModel(view),
		page: pageModel(view, view.pages[index]),
		pageNumber: index + 1,
		pageCount: view.pages.length,
		checked: url.searchParams.has('checked')
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const form = await readForm(request);
		if (!form) return fail(400, { error: 'validation.malformed', values: {} as Record<string, string> });
		const values: Record<string, string> = {};
		for (const [name, value] of form) if (typeof value === 'string' && /^p\d+$/.test(name)) values[name] = value;
		const view = await openExpert(appDb(), params.token);
		if (!view) error(404, { message: 'errors.notFound' });
		const index = pageIndex(params.page, view.pages.length);
		const saved = await saveExpertPage(appDb(), params.token, index, values);
		if (!saved.ok) return fail(saved.reason === 'ahp.expert.offScale' ? 400 : 409, { error: saved.reason, values });
		const result = saved.value;
		const last = index + 1 === view.pages.length;
		if (form.get('intent') === 'next' && result.complete && result.consistent) {
			redirect(303, last ? `/ahp/${params.token}#submit` : `/ahp/${params.token}/${index + 2}`);
		}
		redirect(303, `/ahp/${params.token}/${index + 1}?checked#consistency`);
	}
};
