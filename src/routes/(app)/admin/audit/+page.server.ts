import { parseAuditQuery, readAuditLog } from '$lib/server/audit/audit-log';
import { requireRole } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { serverTimeZone } from '$lib/i18n/zoned-format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const admin = requireRole(locals, 'admin', url);
	const query = parseAuditQuery(url.searchParams);
	const page = await readAuditLog(appDb(), admin, locals.locale, serverTimeZone(), query);
	return { ...page, filter: { who: query.who, what: query.what, from: query.from, to: query.to }, paged: query.before !== undefined };
};
