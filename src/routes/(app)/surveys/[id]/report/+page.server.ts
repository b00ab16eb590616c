import { catalogs } from '$lib/i18n/catalogs';
import { error, fail, redirect } from '@sveltejs/kit';
import { chooseWeightMethod } from '$lib/server/analysis/preferences';
import { buildSurveyReport } from '$lib/server/analysis/report';
import { surveyWaveMigrations } from '$lib/server/analysis/waves';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { accessAtLeast } from '$lib/server/repo/surveys';
import { parseReportFilters } from '$lib/stats/report/filters';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { access } = await requireSurvey(locals, params.id, 'view', url);
	const report = await buildSurveyReport(appDb(), params.id, parseReportFilters(url.searchParams), { messages: catalogs });
	if (!report) error(404, { message: 'errors.notFound' });
	// Counts only: the wave tables never name a contact, so readers of the report may see them.
	const waves = await surveyWaveMigrations(appDb(), params.id);
	return { report, waves, canEdit: accessAtLeast(access, 'edit'), search: url.search };
};

export const actions: Actions = {
	weightMethod: async ({ locals, params, request, url }) => {
		const { user } = await requireSurvey(locals, params.id, 'edit', url);
		const form = await readForm(request);
		if (!form) return fail(400, { values: {}, errors: { method: 'validation.malformed' } });
		const method = String(form.get('method') ?? '');
		const chosen = await chooseWeightMethod(appDb(), params.id, method, user);
		if (!chosen.ok) return fail(400, { values: { method }, errors: { method: chosen.reason } });
		redirect(303, `/surveys/${params.id}/report${url.search.replace(/^\?\/weightMethod&?/, '?').replace(/^\?$/, '')}`);
	}
};
