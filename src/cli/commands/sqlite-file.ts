// Shared by backup and restore: which SQLite file DATABASE_URL names, and whether a file is a
// SatIndex database (it has the migrations table) rather than any file someone pointed at.
import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { sqlitePath } from '../../lib/server/db/create-db';

export const isPostgresUrl = (url: string | undefined) => !!url && /^postgres(ql)?:\/\//.test(url);

/** The SQLite database file of this installation; throws for PostgreSQL with the hint to use instead. */
export function installationSqlite(command: string, postgresHint: string): string {
	const url = process.env.DATABASE_URL;
	if (isPostgresUrl(url)) throw new Error(`${command} works on SQLite files; this installation uses PostgreSQL. ${postgresHint}`);
	return sqlitePath(url);
}

/** The migrations a SatIndex SQLite file has applied; throws when the file is missing or is not one. */
export function appliedMigrations(file: string): string[] {
	if (!existsSync(file)) throw new Error(`${file} does not exist.`);
	let db: SQLite.Database | undefined;
	try {
		// Read-write, though it only reads: the last connection to close removes the -wal and -shm files.
		db = new SQLite(file, { fileMustExist: true });
		return db.prepare('select name from kysely_migration order by name').pluck().all() as string[];
	} catch {
		throw new Error(`${file} is not a SatIndex database (no migrations table).`);
	} finally {
		db?.close();
	}
}

/** The PostgreSQL URL with its password hidden, for printed commands. */
export const redactedUrl = (url: string) => url.replace(/:[^:@/]*@/, ':***@');

/**
 * Whether another process has the database open: leaving WAL mode needs the only connection, so
 * SQLite refuses it (SQLITE_BUSY) while the server holds the file. Leaves the file in rollback
 * mode when free, which the server switches back to WAL when it opens it.
 */
export function openElsewhere(file: string): boolean {
	if (!existsSync(file)) return false;
	const db = new SQLite(file, { fileMustExist: true, timeout: 0 });
	try {
		return db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete';
	} catch {
		return true;
	} finally {
		db.close();
	}
}
