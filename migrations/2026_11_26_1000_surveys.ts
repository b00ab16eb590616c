import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('indicator_systems')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('name_zh', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('template', 'text')
		.addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('indicator_nodes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('system_id', 'text', (c) => c.notNull().references('indicator_systems.id').onDelete('cascade'))
		.addColumn('parent_id', 'text', (c) => c.references('indicator_nodes.id').onDelete('cascade'))
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('name_zh', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('model_role', 'text')
		.addColumn('weights', 'text', (c) => c.notNull().defaultTo('{}'))
		.addUniqueConstraint('indicator_nodes_code_unique', ['system_id', 'code'])
		.execute();
	await db.schema.createIndex('indicator_nodes_parent_idx').on('indicator_nodes').column('parent_id').execute();

	await db.schema
		.createTable('model_paths')
		.addColumn('system_id', 'text', (c) => c.notNull().references('indicator_systems.id').onDelete('cascade'))
		.addColumn('from_node_id', 'text', (c) => c.notNull().references('indicator_nodes.id').onDelete('cascade'))
		.addColumn('to_node_id', 'text', (c) => c.notNull().references('indicator_nodes.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('model_paths_pk', ['system_id', 'from_node_id', 'to_node_id'])
		.execute();

	await db.schema
		.createTable('surveys')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('system_id', 'text', (c) => c.references('indicator_systems.id'))
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
		.addColumn('settings', 'text', (c) => c.notNull())
		.addColumn('draft', 'text', (c) => c.notNull())
		.addColumn('current_version_id', 'text')
		.addColumn('response_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('response_cap', 'integer')
		.addColumn('opens_at', 'bigint')
		.addColumn('closes_at', 'bigint')
		.addColumn('access_mode', 'text', (c) => c.notNull().defaultTo('public'))
		.addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('survey_versions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('definition', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('survey_versions_number_unique', ['survey_id', 'number'])
		.execute();

	await db.schema
		.createTable('survey_shares')
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('access', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('survey_shares_pk', ['survey_id', 'user_id'])
		.execute();
	await db.schema.createIndex('survey_shares_user_idx').on('survey_shares').column('user_id').execute();

	await db.schema
		.createTable('channels')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('channels_code_unique', ['survey_id', 'code'])
		.execute();

	await db.schema
		.createTable('invitations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		.addColumn('batch', 'text', (c) => c.notNull())
		.addColumn('external_id', 'text')
		.addColumn('channel_code', 'text')
		.addColumn('used_at', 'bigint')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('invitations_survey_idx').on('invitations').columns(['survey_id', 'batch']).execute();

	await db.schema
		.createTable('responses')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		.addColumn('version_id', 'text', (c) => c.notNull().references('survey_versions.id'))
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('channel_code', 'text')
		.addColumn('invitation_id', 'text', (c) => c.unique())
		.addColumn('respondent_key', 'text')
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('started_at', 'bigint')
		.addColumn('submitted_at', 'bigint', (c) => c.notNull())
		.addColumn('duration_ms', 'bigint')
		.addColumn('answers', 'text', (c) => c.notNull())
		.addColumn('counted', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema.createIndex('responses_survey_idx').on('responses').columns(['survey_id', 'submitted_at']).execute();
	await db.schema.createIndex('responses_uncounted_idx').on('responses').columns(['survey_id', 'counted']).execute();
	await db.schema
		.createIndex('responses_respondent_unique')
		.on('responses')
		.columns(['survey_id', 'respondent_key'])
		.unique()
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['responses', 'invitations', 'channels', 'survey_shares', 'survey_versions', 'surveys', 'model_paths', 'indicator_nodes', 'indicator_systems']) {
		await db.schema.dropTable(table).execute();
	}
}
