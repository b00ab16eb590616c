import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Migration } from 'kysely';
import { keyByName } from './migrator';

/** The migrations folder read at run time, for the command line (which Vite does not bundle). */
export async function folderMigrations(folder = resolve('migrations')): Promise<Record<string, Migration>> {
	const files = (await readdir(folder)).filter((f) => f.endsWith('.ts')).sort();
	const modules: Record<string, Migration> = {};
	for (const file of files) {
		modules[file] = (await import(pathToFileURL(resolve(folder, file)).href)) as Migration;
	}
	return keyByName(modules);
}
