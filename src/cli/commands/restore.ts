import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { appliedMigrations, installationSqlite, openElsewhere } from './sqlite-file';
import type { Command } from './types';

export const restore: Command = {
	name: 'restore',
	usage: 'restore <file> [--force]',
	help: 'Replace the SQLite database with a backup made by `backup`. Stop the server first: restore refuses while another process has the database open (--force skips that check). The current database is kept beside it as <name>.before-restore-<time>; the next start migrates the restored copy if it is older.',
	async run(args) {
		const force = args.includes('--force');
		const [backupFile] = args.filter((a) => a !== '--force');
		if (!backupFile) throw new Error('restore needs a backup file made by `backup`.');
		const source = resolve(backupFile);
		const target = installationSqlite('restore', 'Restore PostgreSQL with pg_restore --clean --dbname=<url> <file>.');
		const migrations = appliedMigrations(source);
		if (source === target) throw new Error('The backup file is the database itself.');
		if (!force && openElsewhere(target)) throw new Error(`${target} is open in another process: stop the server first.`);
		let keptAs: string | undefined;
		if (existsSync(target)) {
			keptAs = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
			renameSync(target, keptAs);
			// The write-ahead log belongs to the old file; left in place it would be replayed into the restored one.
			for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, keptAs + suffix);
		}
		try {
			copyFileSync(source, target);
		} catch (e) {
			rmSync(target, { force: true });
			if (keptAs) renameSync(keptAs, target);
			throw e;
		}
		console.log(`Restored ${target} from ${source} (schema ${migrations.at(-1)}).${keptAs ? ` The previous database is kept as ${keptAs}.` : ''}`);
		console.log('Start the server again (npm start); it applies any newer migrations.');
	}
};
