import type { Kysely } from 'kysely';

// A campaign counts its invitations under one of the survey's channels, so responses through its
// links carry that channel. Campaigns made before keep none. Frozen once landed: add a new
// migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('campaigns').addColumn('channel_code', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('campaigns').dropColumn('channel_code').execute();
}
