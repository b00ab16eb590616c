import type { Kysely } from 'kysely';

// Whether people with view access to a survey may read its open answers. Frozen once landed: add a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	// No row, or shared = 0: they see themes and counts only; shared = 1: the answers themselves too.
	await db.schema
		.createTable('open_answer_sharing')
		.addColumn('survey_id', 'text', (c) => c.primaryKey().references('surveys.id').onDelete('cascade'))
		.addColumn('shared', 'integer', (c) => c.notNull())
		.addColumn('updated_by', 'text')
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('open_answer_sharing').execute();
}
