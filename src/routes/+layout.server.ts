import { catalogForRoute } from '$lib/i18n/catalogs';
import { serverTimeZone } from '$lib/i18n/zoned-format';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, route }) => ({
	locale: locals.locale,
	messages: catalogForRoute(locals.locale, route.id),
	// Dates that belong to no survey (audit log, tokens, AHP rounds) are shown in the server's zone.
	timeZone: serverTimeZone(),
	user: locals.user && { id: locals.user.id, email: locals.user.email, name: locals.user.name, role: locals.user.role }
});
