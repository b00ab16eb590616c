import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	// One cell per survey, version, month (in the survey's time zone) and channel ('' = none):
	// the sufficient statistics of the responses folded so far, mergeable by addition.
	await db.schema
		.createTable('analysis_cells')
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		.addColumn('version_id', 'text', (c) => c.notNull().references('survey_versions.id').onDelete('cascade'))
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('channel', 'text', (c) => c.notNull())
		.addColumn('layout', 'text', (c) => c.notNull())
		.addColumn('rows', 'integer', (c) => c.notNull())
		.addColumn('data', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('analysis_cells_pk', ['survey_id', 'version_id', 'period', 'channel'])
		.execute();

	await db.schema
		.createTable('report_preferences')
		.addColumn('survey_id', 'text', (c) => c.primaryKey().references('surveys.id').onDelete('cascade'))
		.addColumn('weight_method', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'text')
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('report_preferences').execute();
	await db.schema.dropTable('analysis_cells').execute();
}
