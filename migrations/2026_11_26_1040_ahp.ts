import { sql, type Kysely } from 'kysely';

// AHP expert rounds. Frozen once landed: add a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('ahp_rounds')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('system_id', 'text', (c) => c.notNull().references('indicator_systems.id').onDelete('cascade'))
		.addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('node_ids', 'text', (c) => c.notNull())
		.addColumn('deadline', 'bigint')
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('ahp_rounds_system_idx').on('ahp_rounds').columns(['system_id', 'created_at']).execute();

	await db.schema
		.createTable('ahp_experts')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) => c.notNull().references('ahp_rounds.id').onDelete('cascade'))
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('email', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('submitted_at', 'bigint')
		.addColumn('excluded', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema.createIndex('ahp_experts_round_idx').on('ahp_experts').column('round_id').execute();

	await db.schema
		.createTable('ahp_judgments')
		.addColumn('expert_id', 'text', (c) => c.notNull().references('ahp_experts.id').onDelete('cascade'))
		.addColumn('node_id', 'text', (c) => c.notNull())
		.addColumn('row_code', 'text', (c) => c.notNull())
		.addColumn('col_code', 'text', (c) => c.notNull())
		// double precision on both engines (PostgreSQL's `real` would round 1/3 to 7 digits).
		.addColumn('value', 'double precision', (c) => c.notNull().check(sql`value > 0`))
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('ahp_judgments_pk', ['expert_id', 'node_id', 'row_code', 'col_code'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['ahp_judgments', 'ahp_experts', 'ahp_rounds']) await db.schema.dropTable(table).execute();
}
