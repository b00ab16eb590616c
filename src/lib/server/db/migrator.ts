import { Migrator, type Kysely, type Migration } from 'kysely';

/**
 * Applies every pending migration; throws with the failing migration's name on error. On a
 * PostgreSQL schema other than the default, name it: Kysely looks for its bookkeeping tables in
 * every schema otherwise, finds another schema's and skips creating its own.
 */
export async function migrateToLatest(
	db: Kysely<any>,
	migrations: Record<string, Migration>,
	schema?: string
): Promise<string[]> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations },
		migrationTableSchema: schema
	});
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error) {
		const where = failed ? ` in ${failed.migrationName}` : '';
		throw new Error(`Migration failed${where}: ${String((error as Error).message ?? error)}`);
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Keys a set of migration modules by file name without folder and extension. */
export function keyByName(modules: Record<string, Migration>): Record<string, Migration> {
	return Object.fromEntries(
		Object.entries(modules).map(([path, module]) => [
			path.replace(/^.*\//, '').replace(/\.[jt]s$/, ''),
			module
		])
	);
}
