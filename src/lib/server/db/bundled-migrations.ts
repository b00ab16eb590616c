import type { Migration } from 'kysely';
import { keyByName } from './migrator';

/** The migrations folder, bundled by Vite so the built server carries it. */
export const bundledMigrations: Record<string, Migration> = keyByName(
	import.meta.glob<Migration>('/migrations/*.ts', { eager: true })
);
