import { sql, type Kysely } from 'kysely';

// Panels and waves, and the questionnaire's own start of an invitation. Frozen once landed: add a
// new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	// Each campaign is one wave of its survey (1, 2, …): re-fielding to the same contacts makes the next.
	await db.schema.alterTable('campaigns').addColumn('wave', 'integer', (c) => c.notNull().defaultTo(1)).execute();
	// Campaigns sent before waves existed become waves in the order they were created.
	await sql`update campaigns set wave = (select count(*) from campaigns earlier where earlier.survey_id = campaigns.survey_id and (earlier.created_at < campaigns.created_at or (earlier.created_at = campaigns.created_at and earlier.id <= campaigns.id)))`.execute(db);
	await db.schema.createIndex('campaigns_survey_wave_idx').on('campaigns').columns(['survey_id', 'wave']).unique().execute();
	// When the respondent first moved on in the questionnaire through the invitation (a page step).
	await db.schema.alterTable('invitations').addColumn('started_at', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('invitations').dropColumn('started_at').execute();
	await db.schema.dropIndex('campaigns_survey_wave_idx').execute();
	await db.schema.alterTable('campaigns').dropColumn('wave').execute();
}
