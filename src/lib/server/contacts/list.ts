// Reading the contact list (pages and API): role-checked like every contact service, keyset-paged.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { findContact, listContactAttributes, listContacts, type Contact, type ContactAttribute, type ContactCursor } from '../repo/contacts';
import { requireContactsRole, type ContactActor } from './access';

type Db = Kysely<Database>;

export interface ContactsPageQuery {
	search?: string;
	attribute?: { key: string; value: string };
	after?: ContactCursor | null;
	limit: number;
}

export interface ContactsPage {
	contacts: Contact[];
	/** The cursor of the next page, null on the last. */
	next: ContactCursor | null;
	attributes: ContactAttribute[];
}

/** One page of contacts, newest first, with the attribute definitions to label and filter by. */
export async function contactsPage(db: Db, actor: ContactActor, query: ContactsPageQuery): Promise<ContactsPage> {
	requireContactsRole(actor);
	const rows = await listContacts(db, { ...query, limit: query.limit + 1 });
	const contacts = rows.slice(0, query.limit);
	const last = contacts.at(-1);
	const next = rows.length > query.limit && last ? { createdAt: last.createdAt, id: last.id } : null;
	return { contacts, next, attributes: await listContactAttributes(db) };
}

/** Cursor text for links and the API (base64url JSON, opaque to readers); null when it is not one of ours. */
export const cursorText = (cursor: ContactCursor) => Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');

export function parseCursor(text: string | null): ContactCursor | null | undefined {
	if (!text) return null;
	try {
		const [createdAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
		if (typeof createdAt === 'number' && typeof id === 'string') return { createdAt, id };
	} catch {
		// not one of ours: undefined below
	}
	return undefined;
}

/** One contact with the attribute definitions, or undefined. */
export async function contactDetail(db: Db, actor: ContactActor, id: string): Promise<{ contact: Contact; attributes: ContactAttribute[] } | undefined> {
	requireContactsRole(actor);
	const contact = await findContact(db, id);
	return contact && { contact, attributes: await listContactAttributes(db) };
}
