import { openMigratedDb } from './database';
import type { Command } from './types';

export const migrate: Command = {
	name: 'migrate',
	usage: 'migrate',
	help: 'Apply pending database migrations (DATABASE_URL, default ./data/satindex.db).',
	async run() {
		const { db, applied, location } = await openMigratedDb();
		console.log(applied.length ? `Applied to ${location}: ${applied.join(', ')}` : `${location} is up to date.`);
		await db.destroy();
	}
};
