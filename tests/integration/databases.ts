// Every integration suite runs once per engine: SQLite always, PostgreSQL when TEST_PG_URL is set.
// Each run gets its own SQLite file or PostgreSQL schema and removes it afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { createDb, type Engine } from '../../src/lib/server/db/create-db';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import type { Database } from '../../src/lib/server/db/schema';
import { randomToken } from '../../src/lib/server/ids';
import { reportMissing } from '../prerequisites';

export const engines: Engine[] = process.env.TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

if (!process.env.TEST_PG_URL) {
	reportMissing('TEST_PG_URL', 'set it to postgres://… to run on PostgreSQL too', 'the PostgreSQL half of the integration suite');
}

export interface TestDb {
	db: Kysely<Database>;
	engine: Engine;
	/** Another handle on the same database, as a second app process would have; the caller destroys it. */
	openAnother(): Kysely<Database>;
	/** Where the database is, for a child process to open it (createDb's arguments). */
	location: { url: string; searchPath?: string };
}

/** A fresh, migrated database for the enclosing describe block (ready in beforeAll). */
export function useTestDb(engine: Engine): TestDb {
	const handle = { engine } as TestDb;
	let cleanup: () => Promise<void> = async () => {};
	beforeAll(async () => {
		let schema: string | undefined;
		if (engine === 'sqlite') {
			const dir = mkdtempSync(join(tmpdir(), 'satindex-test-'));
			handle.location = { url: join(dir, 'test.db') };
			handle.openAnother = () => createDb(handle.location.url).db;
			handle.db = handle.openAnother();
			cleanup = async () => rmSync(dir, { recursive: true, force: true });
		} else {
			const name = `test_${randomToken().slice(0, 12)}`;
			schema = name;
			const admin = createDb(process.env.TEST_PG_URL).db;
			await sql`create schema ${sql.id(name)}`.execute(admin);
			handle.location = { url: process.env.TEST_PG_URL!, searchPath: name };
			handle.openAnother = () => createDb(process.env.TEST_PG_URL, { searchPath: name }).db;
			handle.db = handle.openAnother();
			cleanup = async () => {
				await sql`drop schema ${sql.id(name)} cascade`.execute(admin);
				await admin.destroy();
			};
		}
		await migrateToLatest(handle.db, bundledMigrations, schema);
	});
	afterAll(async () => {
		await handle.db?.destroy();
		await cleanup();
	});
	return handle;
}
