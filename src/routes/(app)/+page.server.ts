import { fail, redirect } from '@sveltejs/kit';
import { buildDashboard } from '$lib/server/analysis/dashboard';
import { requireRole, requireUser } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { loadDemoWorkspace } from '$lib/server/demo/load-demo';
import { listAccessibleSurveys } from '$lib/server/repo/surveys';
import { countUsers } from '$lib/server/repo/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user && (await countUsers(appDb())) === 0) redirect(303, '/setup');
	const user = requireUser(locals, url);
	const dashboard = await buildDashboard(appDb(), user);
	return {
		role: user.role,
		dashboard,
		canCreate: user.role !== 'viewer',
		// The demo is offered to an admin of an installation without any survey.
		offerDemo: user.role === 'admin' && dashboard.cards.length === 0,
		demoLoaded: url.searchParams.has('demo')
	};
};

export const actions: Actions = {
	loadDemo: async ({ locals, url }) => {
		const admin = requireRole(locals, 'admin', url);
		if ((await listAccessibleSurveys(appDb(), admin)).length > 0) return fail(409, { error: 'demo.exists' });
		await loadDemoWorkspace(appDb(), admin, { origin: url.origin });
		redirect(303, '/?demo');
	}
};
