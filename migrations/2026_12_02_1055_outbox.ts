import type { Kysely } from 'kysely';

// The outbox: every piece of work that leaves a request (mail now; alerts, webhooks, digests later)
// is a row here, written in the transaction of its cause and claimed by the in-app worker. Frozen once landed.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('jobs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('payload', 'text', (c) => c.notNull())
		// "One message per invitation" is a unique (kind, dedupe_key) pair; NULL keys never collide.
		.addColumn('dedupe_key', 'text')
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('max_attempts', 'integer', (c) => c.notNull())
		.addColumn('run_at', 'bigint', (c) => c.notNull())
		.addColumn('locked_by', 'text')
		.addColumn('locked_until', 'bigint')
		.addColumn('last_error', 'text')
		.addColumn('result', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('finished_at', 'bigint')
		.execute();
	await db.schema.createIndex('jobs_dedupe_unique').on('jobs').columns(['kind', 'dedupe_key']).unique().execute();
	// The claim's search: due rows of waiting states, and running rows whose lease ran out.
	await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['state', 'run_at']).execute();
	await db.schema.createIndex('jobs_kind_idx').on('jobs').columns(['kind', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('jobs').execute();
}
