// `npm run satindex -- <command>`: operator commands that run beside (or instead of) the server.
import { createInterface } from 'node:readline/promises';
import { createDb } from '../lib/server/db/create-db';
import { folderMigrations } from '../lib/server/db/folder-migrations';
import { migrateToLatest } from '../lib/server/db/migrator';
import { hashPassword } from '../lib/server/auth/password';
import { recordAudit } from '../lib/server/repo/audit';
import { findCredentials, insertUser, updateUser } from '../lib/server/repo/users';

interface Command {
	usage: string;
	help: string;
	run(args: string[]): Promise<void>;
}

async function openMigrated() {
	const handle = createDb(process.env.DATABASE_URL);
	await migrateToLatest(handle.db, await folderMigrations());
	return handle;
}

const commands: Record<string, Command> = {
	migrate: {
		usage: 'migrate',
		help: 'Apply pending database migrations (DATABASE_URL, default ./data/satindex.db).',
		async run() {
			const handle = createDb(process.env.DATABASE_URL);
			const applied = await migrateToLatest(handle.db, await folderMigrations());
			console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
			await handle.db.destroy();
		}
	},
	'create-admin': {
		usage: 'create-admin <email> [name]',
		help: 'Create an administrator, or make an existing user an active administrator with a new password (for a locked-out installation). Reads the password from SATINDEX_PASSWORD or asks for it.',
		async run([email, name]) {
			if (!email) throw new Error('create-admin needs an email address.');
			const password = process.env.SATINDEX_PASSWORD ?? (await ask('New password (at least 10 characters): '));
			if (password.length < 10) throw new Error('The password needs at least 10 characters.');
			const handle = await openMigrated();
			const passwordHash = await hashPassword(password);
			await handle.db.transaction().execute(async (trx) => {
				const existing = await findCredentials(trx, email);
				if (existing) await updateUser(trx, existing.user.id, { role: 'admin', active: true, passwordHash });
				const user = existing?.user ?? (await insertUser(trx, { email, name: name ?? email, passwordHash, role: 'admin' }));
				await recordAudit(trx, { action: existing ? 'user.role' : 'user.created', target: user.email, detail: { via: 'command line', to: 'admin' } });
			});
			console.log(`${email} is an active administrator.`);
			await handle.db.destroy();
		}
	}
};

async function ask(question: string): Promise<string> {
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	try {
		return await rl.question(question);
	} finally {
		rl.close();
	}
}

function printHelp(): void {
	console.log('Usage: npm run satindex -- <command> [arguments]\n\nCommands:');
	for (const command of Object.values(commands)) console.log(`  ${command.usage.padEnd(34)} ${command.help}`);
	console.log('\nEach command accepts --help.');
}

async function main(argv: string[]): Promise<void> {
	const [name, ...args] = argv;
	if (!name || name === '--help' || name === 'help') return printHelp();
	const command = commands[name];
	if (!command) throw new Error(`Unknown command "${name}". Run with --help to list the commands.`);
	if (args.includes('--help')) return void console.log(`Usage: npm run satindex -- ${command.usage}\n\n${command.help}`);
	await command.run(args);
}

main(process.argv.slice(2)).catch((e: unknown) => {
	console.error(`satindex: ${e instanceof Error ? e.message : String(e)}`);
	process.exit(1);
});
