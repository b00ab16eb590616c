import { requireRole } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { listAudit } from '$lib/server/repo/audit';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	const before = Number(url.searchParams.get('before'));
	const entries = await listAudit(appDb(), {
		limit: PAGE_SIZE,
		before: Number.isFinite(before) && before > 0 ? before : undefined
	});
	return { entries, next: entries.length === PAGE_SIZE ? entries[entries.length - 1].at : null };
};
