import { sql, type Kysely } from 'kysely';

// Cheaper response inserts: every index is written on every submission. Frozen once landed.
export async function up(db: Kysely<any>): Promise<void> {
	// (survey_id, submitted_at) is a prefix of responses_export_idx, which serves the same reads.
	await db.schema.dropIndex('responses_survey_idx').execute();
	// Only cookie-guarded surveys set a respondent key: anonymous rows need no entry in this index.
	await db.schema.dropIndex('responses_respondent_unique').execute();
	await db.schema
		.createIndex('responses_respondent_unique')
		.on('responses')
		.columns(['survey_id', 'respondent_key'])
		.unique()
		.where(sql.ref('respondent_key'), 'is not', null)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('responses_respondent_unique').execute();
	await db.schema.createIndex('responses_respondent_unique').on('responses').columns(['survey_id', 'respondent_key']).unique().execute();
	await db.schema.createIndex('responses_survey_idx').on('responses').columns(['survey_id', 'submitted_at']).execute();
}
