import { sql, type Kysely } from 'kysely';

// Contact attributes as report segments, and saved contact segments for campaign audiences.
// Frozen once landed: add a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	// The contact's attributes (JSON object) when the response was given through their invitation:
	// reports segment by the value a customer had when answering, not by what it became later.
	await db.schema.alterTable('responses').addColumn('contact_values', 'text').execute();
	// Responses given before this column existed take the contact's attributes as they are now:
	// through a campaign's recipient row, else through the invitation's external id.
	await sql`
		update responses set contact_values = coalesce(
			(select c.attributes from campaign_recipients r join contacts c on c.id = r.contact_id where r.invitation_id = responses.invitation_id),
			(select c.attributes from invitations i join contacts c on c.external_id = i.external_id where i.id = responses.invitation_id)
		)
		where invitation_id is not null`.execute(db);

	// The analysis store's cells per value of each contact attribute marked as a segment: the same
	// statistics as analysis_cells, for the responses whose contact had that value.
	await db.schema
		.createTable('analysis_segment_cells')
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		.addColumn('attribute', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('version_id', 'text', (c) => c.notNull().references('survey_versions.id').onDelete('cascade'))
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('channel', 'text', (c) => c.notNull())
		.addColumn('layout', 'text', (c) => c.notNull())
		.addColumn('rows', 'integer', (c) => c.notNull())
		.addColumn('data', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('analysis_segment_cells_pk', ['survey_id', 'attribute', 'value', 'version_id', 'period', 'channel'])
		.execute();

	// A named contact filter (attribute key → value) that campaigns can take as their audience.
	await db.schema
		.createTable('contact_segments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('filter', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('contact_segments').execute();
	await db.schema.dropTable('analysis_segment_cells').execute();
	await db.schema.alterTable('responses').dropColumn('contact_values').execute();
}
