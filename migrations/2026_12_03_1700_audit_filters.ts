import type { Kysely } from 'kysely';

// The audit log is read filtered by who and by action, newest first. Frozen once landed: add a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('audit_log_actor_at_idx').on('audit_log').columns(['actor_id', 'at']).execute();
	await db.schema.createIndex('audit_log_action_at_idx').on('audit_log').columns(['action', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('audit_log_action_at_idx').execute();
	await db.schema.dropIndex('audit_log_actor_at_idx').execute();
}
