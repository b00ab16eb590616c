import { requireUser } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

// The shell needs a signed-in user; each page below still checks its own role.
export const load: LayoutServerLoad = ({ locals, url }) => {
	requireUser(locals, url);
};
