// Migrating one PostgreSQL schema while another in the same database is already migrated: what
// the test suites do all the time (a schema per run), and what a shared database may hold.
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { createDb } from '../../src/lib/server/db/create-db';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { randomToken } from '../../src/lib/server/ids';

describe.skipIf(!process.env.TEST_PG_URL)('migrations on PostgreSQL beside another schema', () => {
	const admin = createDb(process.env.TEST_PG_URL).db;
	const schemas = [0, 1].map(() => `test_${randomToken().slice(0, 12)}`);
	afterAll(async () => {
		for (const schema of schemas) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
		await admin.destroy();
	});

	it('creates its own bookkeeping tables when another schema has them', async () => {
		const applied: string[][] = [];
		for (const schema of schemas) {
			await sql`create schema ${sql.id(schema)}`.execute(admin);
			const { db } = createDb(process.env.TEST_PG_URL, { searchPath: schema });
			try {
				applied.push(await migrateToLatest(db, bundledMigrations, schema));
			} finally {
				await db.destroy();
			}
		}
		expect(applied[1]).toEqual(Object.keys(bundledMigrations).sort());
		expect(applied[1]).toEqual(applied[0]);
	});
});
