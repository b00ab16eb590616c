import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	// Fixed-window counters for submission rate limits, shared by every app process: one row per
	// key (a client hash or a survey) and window start, bumped by an atomic upsert.
	await db.schema
		.createTable('rate_limits')
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('window_start', 'bigint', (c) => c.notNull())
		.addColumn('hits', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window_start'])
		.execute();
	await db.schema.createIndex('rate_limits_window_idx').on('rate_limits').column('window_start').execute();
	await db.schema.createIndex('invitations_external_idx').on('invitations').columns(['survey_id', 'external_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('invitations_external_idx').execute();
	await db.schema.dropTable('rate_limits').execute();
}
