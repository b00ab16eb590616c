// `npm run satindex -- import-contacts <file>` as a child process: the same service as the page,
// new and updated contacts counted, and a bad file refused in one line with nothing stored.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../../src/lib/server/db/create-db';
import { folderMigrations } from '../../src/lib/server/db/folder-migrations';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { findContactByEmail } from '../../src/lib/server/repo/contacts';

const dir = mkdtempSync(path.join(tmpdir(), 'satindex-contacts-cli-'));
const dbPath = path.join(dir, 'cli.db');
const { db } = createDb(dbPath);

beforeAll(async () => {
	await migrateToLatest(db, await folderMigrations());
});
afterAll(async () => {
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => expect.hasAssertions());

const run = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/satindex.ts', 'import-contacts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: dbPath } });
const file = (name: string, text: string) => {
	const at = path.join(dir, name);
	writeFileSync(at, text);
	return at;
};

describe('import-contacts', () => {
	it('imports, then updates in place, with a mapped attribute', () => {
		const first = run(file('a.csv', 'external_id,email,Tier\nK1,k1@example.com,core\n'), '--map', 'Tier=attr:tier');
		expect(first.status, first.stderr).toBe(0);
		expect(first.stdout).toContain('Imported 1 contacts from a.csv: 1 new, 0 updated.');
		const again = run(file('b.csv', 'email,name\nK1@example.com,Kai\n'));
		expect(again.stdout).toContain('0 new, 1 updated');
	});

	it('refuses a bad file in one line, listing the problem, and stores nothing', async () => {
		const bad = run(file('c.csv', 'email\nnot-an-email\nk9@example.com\n'));
		expect(bad.status).not.toBe(0);
		expect(bad.stderr).toContain('row 2, column "email", value "not-an-email": Not a valid email address.');
		expect(bad.stderr).toContain('Nothing imported: 1 problem(s)');
		expect(await findContactByEmail(db, 'k9@example.com')).toBeUndefined();
		expect(await findContactByEmail(db, 'k1@example.com')).toMatchObject({ name: 'Kai', attributes: { tier: 'core' } });
	});
});
