import { hasRole } from '../auth/guards';
import type { User } from '../repo/users';

/** Who acts on contacts: a signed-in user, or null for the operator's command line. */
export type ContactActor = Pick<User, 'id' | 'email' | 'role'> | null;

/** Thrown by a contact service when the actor may not see or change personal data. */
export class ContactsForbidden extends Error {
	constructor() {
		super('errors.forbidden');
	}
}

/** Contacts are personal data: admins and researchers only, never viewers. */
export function canManageContacts(actor: ContactActor): boolean {
	return actor === null || hasRole(actor, 'researcher');
}

/** First line of every contact service. */
export function requireContactsRole(actor: ContactActor): void {
	if (!canManageContacts(actor)) throw new ContactsForbidden();
}

/** The audit entry's actor (none for the command line). */
export const auditActor = (actor: ContactActor) => (actor ? { id: actor.id, email: actor.email } : null);
