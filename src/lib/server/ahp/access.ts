import { error } from '@sveltejs/kit';
import { requireRole } from '../auth/guards';
import { appDb } from '../db';
import { systemForUser } from '../design/systems';
import { findRound, type AhpRound } from '../repo/ahp';
import type { IndicatorSystem } from '../repo/systems';
import type { User } from '../repo/users';

/**
 * First line of every researcher-side AHP page and action: a researcher who owns the indicator
 * system (or an admin). A system the user cannot see answers 404, so its existence does not leak.
 */
export async function requireAhpSystem(locals: App.Locals, systemId: string, url?: URL): Promise<{ user: User; system: IndicatorSystem }> {
	const user = requireRole(locals, 'researcher', url);
	const system = await systemForUser(appDb(), user, systemId);
	if (!system) error(404, { message: 'errors.notFound' });
	return { user, system };
}

/** As requireAhpSystem, plus the round, which must belong to that system. */
export async function requireAhpRound(
	locals: App.Locals,
	systemId: string,
	roundId: string,
	url?: URL
): Promise<{ user: User; system: IndicatorSystem; round: AhpRound }> {
	const { user, system } = await requireAhpSystem(locals, systemId, url);
	const round = await findRound(appDb(), roundId);
	if (!round || round.systemId !== system.id) error(404, { message: 'errors.notFound' });
	return { user, system, round };
}
