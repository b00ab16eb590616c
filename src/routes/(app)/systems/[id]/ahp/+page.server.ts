import { requireAhpSystem } from '$lib/server/ahp/access';
import { appDb } from '$lib/server/db';
import { listRounds } from '$lib/server/repo/ahp';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { system } = await requireAhpSystem(locals, params.id, url);
	return { system: { id: system.id, nameZh: system.nameZh, nameEn: system.nameEn }, rounds: await listRounds(appDb(), system.id) };
};
