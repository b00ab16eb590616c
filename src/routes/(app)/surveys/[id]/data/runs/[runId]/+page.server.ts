import { error } from '@sveltejs/kit';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { findImportRun } from '$lib/server/repo/imports';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { survey } = await requireSurvey(locals, params.id, 'edit', url);
	const run = await findImportRun(appDb(), survey.id, params.runId);
	if (!run) error(404, { message: 'errors.notFound' });
	return { run };
};
