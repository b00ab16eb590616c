// Deleting a contact on request: the row with every personal field goes, and invitations that
// carried the contact's external id lose it, so responses given through them stay (counted in
// every report) but no longer lead back to the person. The opt-out hash stays: see opt-out.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { recordAudit } from '../repo/audit';
import { deleteContactRow, findContact } from '../repo/contacts';
import { forgetInvitationExternalId } from '../repo/invitations';
import { auditActor, requireContactsRole, type ContactActor } from './access';

type Db = Kysely<Database>;

export type DeleteContactResult = { ok: true; invitationsUnlinked: number } | { ok: false; reason: 'notFound' };

/** Deletes the contact and unlinks its invitations, in one transaction with an audit entry naming only the contact id. */
export async function deleteContact(db: Db, actor: ContactActor, contactId: string, now = Date.now()): Promise<DeleteContactResult> {
	requireContactsRole(actor);
	return db.transaction().execute(async (trx) => {
		const contact = await findContact(trx, contactId);
		if (!contact) return { ok: false, reason: 'notFound' } as const;
		const invitationsUnlinked = contact.externalId === null ? 0 : await forgetInvitationExternalId(trx, contact.externalId);
		await deleteContactRow(trx, contact.id);
		await recordAudit(trx, { action: 'contact.deleted', actor: auditActor(actor), target: contact.id, detail: { invitationsUnlinked } }, now);
		return { ok: true, invitationsUnlinked } as const;
	});
}
