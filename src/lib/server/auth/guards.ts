import { error, redirect } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import type { User } from '../repo/users';

/** What each role may do: an admin can do all a researcher can, a researcher all a viewer can. */
const rank: Record<Role, number> = { viewer: 1, researcher: 2, admin: 3 };

export function hasRole(user: Pick<User, 'role'>, role: Role): boolean {
	return rank[user.role] >= rank[role];
}

/**
 * First line of every protected load and action: anonymous users go to the login page (and come
 * back afterwards), signed-in users without the role get 403.
 */
export function requireRole(locals: App.Locals, role: Role, url?: URL): User {
	const user = locals.user;
	if (!user) {
		// After login, come back to the page (an action's `?/name` is not a page address).
		const search = url?.search.startsWith('?/') ? '' : (url?.search ?? '');
		const back = url ? `?redirectTo=${encodeURIComponent(url.pathname + search)}` : '';
		redirect(303, `/login${back}`);
	}
	if (!hasRole(user, role)) error(403, { message: 'errors.forbidden' });
	return user;
}

/** Any signed-in user. */
export function requireUser(locals: App.Locals, url?: URL): User {
	return requireRole(locals, 'viewer', url);
}
