import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { importContacts } from '../../lib/server/contacts';
import { isContactTarget, type ContactMapping } from '../../lib/csv/contact-rows';
import { openMigratedDb } from './database';
import { printProblems } from './import';
import type { Command } from './types';

function parseArgs(args: string[]): { file?: string; mapping: ContactMapping } {
	const mapping: ContactMapping = {};
	const files: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--map' || arg === '--ignore') {
			const value = args[++i];
			if (value === undefined) throw new Error(`${arg} needs a value.`);
			if (arg === '--ignore') mapping[value] = '';
			else {
				const at = value.lastIndexOf('=');
				const target = value.slice(at + 1).trim();
				if (at <= 0 || !isContactTarget(target)) throw new Error(`--map takes "Header=externalId|name|email|language|attr:key", not "${value}".`);
				mapping[value.slice(0, at).trim()] = target;
			}
		} else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}.`);
		else files.push(arg);
	}
	return { file: files[0], mapping };
}

export const importContactsCommand: Command = {
	name: 'import-contacts',
	usage: 'import-contacts <file.csv> [--map "Header=attr:key"] [--ignore "Header"]',
	help: 'Import contacts from a CSV file (UTF-8 or GBK), all or nothing, updating contacts with the same external id or email in place; opt-outs are never cleared. Columns external_id, name, email and language are recognised; --map "Tier=attr:tier" maps others (remembered choices from the web page apply too).',
	async run(args) {
		const { file, mapping } = parseArgs(args);
		if (!file) throw new Error('import-contacts needs a CSV file.');
		if (!existsSync(file)) throw new Error(`${file} does not exist.`);
		const { db } = await openMigratedDb();
		try {
			const result = await importContacts(db, { actor: null, via: 'cli', fileName: basename(file), source: createReadStream(file, { highWaterMark: 256 * 1024 }), mapping });
			if (!result.ok && result.kind === 'mapping') {
				throw new Error(`Nothing imported: ${result.unknown.map((h) => `"${h}"`).join(', ')} are not known columns; map them with --map "${result.unknown[0]}=attr:key" or --ignore "${result.unknown[0]}".`);
			}
			if (!result.ok) {
				printProblems(result.errors);
				throw new Error(`Nothing imported: ${result.errorCount} problem(s) in ${file}.`);
			}
			console.log(`Imported ${result.rows} contacts from ${basename(file)}: ${result.created} new, ${result.updated} updated.`);
		} finally {
			await db.destroy();
		}
	}
};
