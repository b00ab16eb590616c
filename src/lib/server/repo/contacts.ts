import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema';
import type { StoredContact } from '../../csv/contact-merge';
import type { ContactLanguage, ContactMapping } from '../../csv/contact-rows';

type Db = Kysely<Database>;

/** A stored contact as the pages and services see it: what an import matches, and its history. */
export interface Contact extends StoredContact {
	optedOutAt: number | null;
	createdAt: number;
	updatedAt: number;
}

/** What an import or an edit writes; opt-out state is never part of it. */
export type ContactFields = Pick<Contact, 'externalId' | 'email' | 'name' | 'language' | 'attributes'>;

export interface ContactAttribute {
	key: string;
	label: { 'zh-CN': string; en: string };
	segment: boolean;
}

export interface ContactCursor {
	createdAt: number;
	id: string;
}

export interface ContactQuery {
	/** Part of a name, email or external id (case-insensitive for Latin letters). */
	search?: string;
	/** Only contacts whose attribute `key` is exactly `value`. */
	attribute?: { key: string; value: string };
	after?: ContactCursor | null;
	limit: number;
}

type ContactRow = Database['contacts'];
const toContact = (row: ContactRow): Contact => ({
	id: row.id,
	externalId: row.external_id,
	email: row.email,
	name: row.name,
	language: row.language as ContactLanguage | null,
	attributes: JSON.parse(row.attributes) as Record<string, string>,
	optedOutAt: row.opted_out_at === null ? null : Number(row.opted_out_at),
	createdAt: Number(row.created_at),
	updatedAt: Number(row.updated_at)
});

const columnsOf = (fields: ContactFields) => ({
	external_id: fields.externalId,
	email: fields.email,
	name: fields.name,
	language: fields.language,
	attributes: JSON.stringify(fields.attributes)
});

export async function findContact(db: Db, id: string): Promise<Contact | undefined> {
	const row = await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
	return row && toContact(row);
}

/** The contact with this normalised email, if any. */
export async function findContactByEmail(db: Db, email: string): Promise<Contact | undefined> {
	const row = await db.selectFrom('contacts').selectAll().where('email', '=', email).executeTakeFirst();
	return row && toContact(row);
}

/** Stored contacts holding any of these external ids or emails (chunked below both engines' parameter limits). */
export async function findContactsByIdentity(db: Db, externalIds: string[], emails: string[]): Promise<Contact[]> {
	const found = new Map<string, Contact>();
	const lookup = async (column: 'external_id' | 'email', values: string[]) => {
		for (let i = 0; i < values.length; i += 500) {
			const rows = await db.selectFrom('contacts').selectAll().where(column, 'in', values.slice(i, i + 500)).execute();
			for (const row of rows) found.set(row.id, toContact(row));
		}
	};
	await lookup('external_id', externalIds);
	await lookup('email', emails);
	return [...found.values()];
}

/** The contacts who were recipients of a campaign (deleted contacts are gone), oldest first. */
export async function listCampaignContacts(db: Db, campaignId: string): Promise<Contact[]> {
	const rows = await db
		.selectFrom('contacts')
		.innerJoin('campaign_recipients as r', 'r.contact_id', 'contacts.id')
		.selectAll('contacts')
		.where('r.campaign_id', '=', campaignId)
		.orderBy('contacts.created_at')
		.orderBy('contacts.id')
		.execute();
	return rows.map(toContact);
}

export async function insertContact(db: Db, id: string, fields: ContactFields, optedOutAt: number | null, now: number): Promise<void> {
	await db
		.insertInto('contacts')
		.values({ id, ...columnsOf(fields), opted_out_at: optedOutAt, created_at: now, updated_at: now })
		.execute();
}

export async function updateContactFields(db: Db, id: string, fields: ContactFields, now: number): Promise<void> {
	await db.updateTable('contacts').set({ ...columnsOf(fields), updated_at: now }).where('id', '=', id).execute();
}

/** Marks a contact opted out (the first time only: the earliest opt-out is kept). */
export async function markContactOptedOut(db: Db, id: string, now: number): Promise<void> {
	await db.updateTable('contacts').set({ opted_out_at: now, updated_at: now }).where('id', '=', id).where('opted_out_at', 'is', null).execute();
}

export async function deleteContactRow(db: Db, id: string): Promise<void> {
	await db.deleteFrom('contacts').where('id', '=', id).execute();
}

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const like = (column: string, pattern: string): Expression<SqlBool> => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;

/** A page of contacts, newest first, after `after` (keyset on created_at, id). */
export async function listContacts(db: Db, query: ContactQuery): Promise<Contact[]> {
	let select = db.selectFrom('contacts').selectAll();
	if (query.search) {
		const pattern = likePattern(query.search.trim());
		select = select.where((eb) => eb.or([like('name', pattern), like('email', pattern), like('external_id', pattern)]));
	}
	if (query.attribute) {
		// Attributes are stored as JSON.stringify of a flat object of strings, so `"key":"value"`
		// appears exactly when the pair does (a quote inside a value is always escaped).
		const pair = `${JSON.stringify(query.attribute.key)}:${JSON.stringify(query.attribute.value)}`;
		select = select.where(like('attributes', likePattern(pair)));
	}
	if (query.after) {
		const { createdAt, id } = query.after;
		select = select.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
	}
	const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
	return rows.map(toContact);
}

export async function countContacts(db: Db): Promise<number> {
	const row = await db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function listContactAttributes(db: Db): Promise<ContactAttribute[]> {
	const rows = await db.selectFrom('contact_attributes').selectAll().orderBy('created_at').orderBy('key').execute();
	return rows.map((r) => ({ key: r.key, label: { 'zh-CN': r.label_zh, en: r.label_en }, segment: r.segment === 1 }));
}

/** Marks these attributes as report segments and every other one as not. */
export async function setSegmentFlags(db: Db, keys: readonly string[]): Promise<void> {
	await db.updateTable('contact_attributes').set({ segment: 0 }).where('segment', '=', 1).execute();
	if (keys.length > 0) await db.updateTable('contact_attributes').set({ segment: 1 }).where('key', 'in', [...keys]).execute();
}

/** Adds an attribute definition unless the key exists (its labels then stay); a single label serves both languages. */
export async function ensureContactAttribute(db: Db, key: string, label: string | ContactAttribute['label'], now: number): Promise<void> {
	const [zh, en] = typeof label === 'string' ? [label, label] : [label['zh-CN'], label.en];
	await db
		.insertInto('contact_attributes')
		.values({ key, label_zh: zh, label_en: en, segment: 0, created_at: now })
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
}

export async function loadContactMapping(db: Db): Promise<ContactMapping> {
	const rows = await db.selectFrom('contact_import_mappings').select(['header', 'target']).execute();
	return Object.fromEntries(rows.map((r) => [r.header, r.target]));
}

export async function saveContactMapping(db: Db, mapping: ContactMapping, now: number): Promise<void> {
	for (const [header, target] of Object.entries(mapping)) {
		await db
			.insertInto('contact_import_mappings')
			.values({ header, target, updated_at: now })
			.onConflict((oc) => oc.column('header').doUpdateSet({ target, updated_at: now }))
			.execute();
	}
}

/** Records an opt-out by email hash; an existing one keeps its first time. */
export async function insertOptOut(db: Db, emailHash: string, now: number): Promise<void> {
	await db.insertInto('contact_opt_outs').values({ email_hash: emailHash, opted_out_at: now }).onConflict((oc) => oc.column('email_hash').doNothing()).execute();
}

/** Which of these email hashes have opted out. */
export async function optedOutHashes(db: Db, hashes: string[]): Promise<Set<string>> {
	const found = new Set<string>();
	for (let i = 0; i < hashes.length; i += 500) {
		const rows = await db.selectFrom('contact_opt_outs').select('email_hash').where('email_hash', 'in', hashes.slice(i, i + 500)).execute();
		for (const row of rows) found.add(row.email_hash);
	}
	return found;
}
