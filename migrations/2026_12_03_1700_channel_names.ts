import { sql, type Kysely } from 'kysely';

// A channel gets a name in each language. Its one name so far becomes both; the demo's channels,
// named "城北支行 North branch" and so on, are split into their two halves.
// Frozen once landed: add a new migration instead of editing this one.
const demoNames: [string, string, string][] = [
	['城北支行 North branch', '城北支行', 'North branch'],
	['城南支行 South branch', '城南支行', 'South branch'],
	['城东支行 East branch', '城东支行', 'East branch'],
	['城西支行 West branch', '城西支行', 'West branch'],
	['手机应用 App', '手机应用', 'App'],
	['网站 Website', '网站', 'Website']
];

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('channels').renameColumn('name', 'name_zh').execute();
	await db.schema.alterTable('channels').addColumn('name_en', 'text', (c) => c.notNull().defaultTo('')).execute();
	await db.updateTable('channels').set({ name_en: sql`name_zh` }).execute();
	for (const [both, zh, en] of demoNames) await db.updateTable('channels').set({ name_zh: zh, name_en: en }).where('name_zh', '=', both).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('channels').dropColumn('name_en').execute();
	await db.schema.alterTable('channels').renameColumn('name_zh', 'name').execute();
}
