// `npm run satindex -- <command>`: operator commands that run beside (or instead of) the server.
// Each command lives in src/cli/commands/<name>.ts and is listed here.
import { backup } from './commands/backup';
import { createAdmin } from './commands/create-admin';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { jobs } from './commands/jobs';
import { importContactsCommand } from './commands/import-contacts';
import { migrate } from './commands/migrate';
import { restore } from './commands/restore';
import { rebuildStats } from './commands/rebuild-stats';
import type { Command } from './commands/types';

const commands: Command[] = [migrate, createAdmin, rebuildStats, backup, restore, importCommand, exportCommand, importContactsCommand, jobs];

function printHelp(): void {
	console.log('Usage: npm run satindex -- <command> [arguments]\n\nCommands:');
	for (const command of commands) console.log(`  ${command.usage.padEnd(34)} ${command.help}`);
	console.log('\nEach command accepts --help. Analyses of a CSV file without a server: npm run analyze -- --help');
}

async function main(argv: string[]): Promise<void> {
	const [name, ...args] = argv;
	if (!name || name === '--help' || name === 'help') return printHelp();
	const command = commands.find((c) => c.name === name);
	if (!command) throw new Error(`Unknown command "${name}". Run with --help to list the commands.`);
	if (args.includes('--help')) return void console.log(`Usage: npm run satindex -- ${command.usage}\n\n${command.help}`);
	await command.run(args);
}

main(process.argv.slice(2)).catch((e: unknown) => {
	console.error(`satindex: ${e instanceof Error ? e.message : String(e)}`);
	process.exit(1);
});
