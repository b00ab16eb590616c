import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { appliedMigrations, installationSqlite, redactedUrl } from './sqlite-file';
import type { Command } from './types';

export const backup: Command = {
	name: 'backup',
	usage: 'backup <file>',
	help: 'Copy the SQLite database to <file>: a consistent snapshot taken with SQLite’s online backup, safe while the server runs. For PostgreSQL it prints the pg_dump command to use instead.',
	async run([target]) {
		if (!target) throw new Error('backup needs a file to write, e.g. backup backups/satindex-2026-11-26.db');
		const file = resolve(target);
		const source = installationSqlite('backup', `Use: pg_dump --format=custom --file=${target} "${redactedUrl(process.env.DATABASE_URL ?? '')}"`);
		appliedMigrations(source);
		if (existsSync(file)) throw new Error(`${target} already exists; choose a new file name.`);
		mkdirSync(dirname(file), { recursive: true });
		const db = new SQLite(source, { fileMustExist: true });
		try {
			const { totalPages } = await db.backup(file);
			const migrations = appliedMigrations(file);
			console.log(`Backed up ${source} to ${file} (${totalPages} pages, schema ${migrations.at(-1)}).`);
		} finally {
			db.close();
		}
	}
};
