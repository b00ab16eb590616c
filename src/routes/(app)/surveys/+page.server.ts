import { requireUser } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { listAccessibleSurveys } from '$lib/server/repo/surveys';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const surveys = await listAccessibleSurveys(appDb(), user);
	return {
		canCreate: user.role !== 'viewer',
		surveys: surveys
			.filter((s) => !s.archived)
			.map((s) => ({ id: s.id, title: s.settings.title, fallback: s.title, status: s.status, responseCount: s.responseCount, responseCap: s.responseCap, access: s.access, updatedAt: s.updatedAt, timeZone: s.settings.timeZone }))
	};
};
