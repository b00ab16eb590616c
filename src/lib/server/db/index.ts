import { env } from '$env/dynamic/private';
import { bundledMigrations } from './bundled-migrations';
import { createDb, type DbHandle } from './create-db';
import { migrateToLatest } from './migrator';

let handle: DbHandle | undefined;

/** Opens the app's database and applies pending migrations; called once from the server's init. */
export async function initDb(): Promise<DbHandle> {
	if (handle) return handle;
	handle = createDb(env.DATABASE_URL);
	await migrateToLatest(handle.db, bundledMigrations);
	return handle;
}

/** The app's database (after initDb). */
export function appDb(): DbHandle['db'] {
	if (!handle) throw new Error('Database used before initDb() ran');
	return handle.db;
}

/** Closes the app's database (at shutdown, after the last request and job): an idle PostgreSQL pool would hold the process open. */
export async function closeDb(): Promise<void> {
	const closing = handle;
	handle = undefined;
	await closing?.db.destroy();
}
