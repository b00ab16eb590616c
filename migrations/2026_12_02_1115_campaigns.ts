import type { Kysely } from 'kysely';

// Email invitation campaigns. Frozen once landed: add a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	// One send of a survey's invitations: who (audience JSON), what (templates JSON per language).
	await db.schema
		.createTable('campaigns')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('audience', 'text', (c) => c.notNull())
		.addColumn('templates', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('sent_at', 'bigint')
		.execute();
	await db.schema.createIndex('campaigns_survey_idx').on('campaigns').columns(['survey_id', 'created_at']).execute();

	// One contact of a campaign. The delivery state is the mail job's (dedupe key `invitation:<id>`);
	// a contact skipped at send time (opted out, no address) has no invitation and says why.
	await db.schema
		.createTable('campaign_recipients')
		.addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
		.addColumn('contact_id', 'text', (c) => c.notNull())
		.addColumn('invitation_id', 'text')
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('skipped', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('campaign_recipients_pkey', ['campaign_id', 'contact_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('campaign_recipients').execute();
	await db.schema.dropTable('campaigns').execute();
}
