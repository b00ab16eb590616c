import { catalogForRoute } from '$lib/i18n/catalogs';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, route }) => ({
	locale: locals.locale,
	messages: catalogForRoute(locals.locale, route.id),
	user: locals.user && { id: locals.user.id, email: locals.user.email, name: locals.user.name, role: locals.user.role }
});
