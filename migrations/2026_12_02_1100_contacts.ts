import type { Kysely } from 'kysely';

// The workspace's contact list. Frozen once landed: add a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	// One customer: identified by an external id, an email (normalised: trimmed, lower-cased), or both.
	await db.schema
		.createTable('contacts')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('external_id', 'text')
		.addColumn('email', 'text')
		.addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('language', 'text')
		.addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('opted_out_at', 'bigint')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();
	// Unique when present: both engines let several rows hold NULL in a unique index.
	await db.schema.createIndex('contacts_external_id_key').on('contacts').column('external_id').unique().execute();
	await db.schema.createIndex('contacts_email_key').on('contacts').column('email').unique().execute();
	// The list pages through contacts by (created_at, id), newest first.
	await db.schema.createIndex('contacts_created_idx').on('contacts').columns(['created_at', 'id']).execute();

	// Attributes the researcher mapped from import columns: a key, its labels, and whether reports may segment by it.
	await db.schema
		.createTable('contact_attributes')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('label_zh', 'text', (c) => c.notNull())
		.addColumn('label_en', 'text', (c) => c.notNull())
		.addColumn('segment', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();

	// The import mapping screen's choices, remembered: file header → field or attribute ('' = ignore).
	await db.schema
		.createTable('contact_import_mappings')
		.addColumn('header', 'text', (c) => c.primaryKey())
		.addColumn('target', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();

	// Opt-outs by keyed hash of the normalised email: they outlive the contact row, so an address
	// deleted on request and imported again later is still never mailed, yet no address is kept.
	await db.schema
		.createTable('contact_opt_outs')
		.addColumn('email_hash', 'text', (c) => c.primaryKey())
		.addColumn('opted_out_at', 'bigint', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('contact_opt_outs').execute();
	await db.schema.dropTable('contact_import_mappings').execute();
	await db.schema.dropTable('contact_attributes').execute();
	await db.schema.dropTable('contacts').execute();
}
