import { requireSurvey } from '$lib/server/auth/survey-access';
import type { LayoutServerLoad } from './$types';

// What every survey page shows above its tabs; each page still checks its own access.
export const load: LayoutServerLoad = async ({ locals, params, url }) => {
	const { survey, access } = await requireSurvey(locals, params.id, 'view', url);
	return {
		survey: { id: survey.id, code: survey.code, title: survey.settings.title, fallbackTitle: survey.title, status: survey.status, responseCount: survey.responseCount, timeZone: survey.settings.timeZone },
		access
	};
};
