import { createDb, type DbHandle } from '../../lib/server/db/create-db';
import { folderMigrations } from '../../lib/server/db/folder-migrations';
import { migrateToLatest } from '../../lib/server/db/migrator';

/** The database named by DATABASE_URL, migrated; the caller destroys it when done. */
export async function openMigratedDb(): Promise<DbHandle & { applied: string[] }> {
	const handle = createDb(process.env.DATABASE_URL);
	const applied = await migrateToLatest(handle.db, await folderMigrations());
	return { ...handle, applied };
}
