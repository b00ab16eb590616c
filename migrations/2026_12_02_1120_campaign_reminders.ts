import type { Kysely } from 'kysely';

// Campaign reminders. Frozen once landed: add a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	// JSON array of delays in days after the send, one reminder each; empty: no reminders.
	await db.schema.alterTable('campaigns').addColumn('reminder_days', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('campaigns').dropColumn('reminder_days').execute();
}
