import type { Kysely } from 'kysely';

// Attempts refused while a login key is blocked are counted on its row, not audited one by one.
// Frozen once landed: add a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('login_throttle').addColumn('refused', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('login_throttle').dropColumn('refused').execute();
}
