import { catalogs } from '$lib/i18n/catalogs';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	messages: catalogs[locals.locale],
	user: locals.user && { id: locals.user.id, email: locals.user.email, name: locals.user.name, role: locals.user.role }
});
