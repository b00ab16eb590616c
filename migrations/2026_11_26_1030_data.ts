import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	// Personal API tokens: only the SHA-256 of the secret is kept; revoked tokens stay for the record.
	await db.schema
		.createTable('api_tokens')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('scope', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('last_used_at', 'bigint')
		.addColumn('revoked_at', 'bigint')
		.execute();
	await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

	// The mapping screen's choices, remembered per survey: file header → answer code ('' = ignore).
	await db.schema
		.createTable('import_mappings')
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		.addColumn('header', 'text', (c) => c.notNull())
		.addColumn('target', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('import_mappings_pk', ['survey_id', 'header'])
		.execute();

	// Each import attempt: its outcome and, when it failed, the first errors for the report page.
	await db.schema
		.createTable('import_runs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('via', 'text', (c) => c.notNull())
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('rows', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('finished_at', 'bigint')
		.execute();
	await db.schema.createIndex('import_runs_survey_idx').on('import_runs').columns(['survey_id', 'created_at']).execute();

	// Valid rows of a running import wait here until the whole file is checked, then move to
	// responses in one short transaction (all or nothing without holding a write lock while parsing).
	await db.schema
		.createTable('import_staging')
		.addColumn('run_id', 'text', (c) => c.notNull().references('import_runs.id').onDelete('cascade'))
		.addColumn('seq', 'integer', (c) => c.notNull())
		.addColumn('id', 'text', (c) => c.notNull())
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('channel_code', 'text')
		.addColumn('submitted_at', 'bigint', (c) => c.notNull())
		.addColumn('answers', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('import_staging_pk', ['run_id', 'seq'])
		.execute();

	// Exports page through a survey's responses by (submitted_at, id) without sorting.
	await db.schema.createIndex('responses_export_idx').on('responses').columns(['survey_id', 'submitted_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('responses_export_idx').execute();
	for (const table of ['import_staging', 'import_runs', 'import_mappings', 'api_tokens']) await db.schema.dropTable(table).execute();
}
