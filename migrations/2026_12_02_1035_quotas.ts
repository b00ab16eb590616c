import type { Kysely } from 'kysely';

// Quotas per answer option: one counter row per group, bumped by a guarded UPDATE in the
// transaction that stores a response. Frozen once landed: add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('survey_quotas')
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		// 'item' (a single-choice item, named by source_code) or 'channel' (source_code '').
		.addColumn('source_kind', 'text', (c) => c.notNull())
		.addColumn('source_code', 'text', (c) => c.notNull())
		.addColumn('option_code', 'text', (c) => c.notNull())
		.addColumn('max_responses', 'integer', (c) => c.notNull())
		.addColumn('filled', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('survey_quotas_pk', ['survey_id', 'source_kind', 'source_code', 'option_code'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('survey_quotas').execute();
}
