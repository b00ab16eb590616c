import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { countUsers } from '$lib/server/repo/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user && (await countUsers(appDb())) === 0) redirect(303, '/setup');
	const user = requireUser(locals, url);
	return { role: user.role };
};
