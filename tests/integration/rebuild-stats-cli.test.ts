// `npm run satindex -- rebuild-stats <survey>` as a child process on a demo database: it rebuilds
// the store to the same cells, accepts an id or a code, and fails in one line for an unknown survey.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoWorkspace } from '../../src/lib/server/demo/load-demo';
import { createDb } from '../../src/lib/server/db/create-db';
import { folderMigrations } from '../../src/lib/server/db/folder-migrations';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { readCells } from '../../src/lib/server/repo/analysis-store';
import { findSurveyById } from '../../src/lib/server/repo/surveys';
import { insertUser } from '../../src/lib/server/repo/users';

const dir = mkdtempSync(path.join(tmpdir(), 'satindex-rebuild-'));
const dbPath = path.join(dir, 'cli.db');
const { db } = createDb(dbPath);
let bank: string;

beforeAll(async () => {
	await migrateToLatest(db, await folderMigrations());
	const admin = await insertUser(db, { email: 'admin@example.com', name: 'Admin', passwordHash: 'x', role: 'admin' });
	[bank] = await loadDemoWorkspace(db, admin);
});
afterAll(async () => {
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => expect.hasAssertions());

const run = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/satindex.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: dbPath } });
const cells = async () => (await readCells(db, bank)).map((c) => [c.versionId, c.period, c.channel, c.rows, c.data]);

describe('rebuild-stats', () => {
	it('rebuilds the store of a survey named by code or id to the same cells', async () => {
		const before = await cells();
		const byCode = run('rebuild-stats', 'demo-bank');
		expect(byCode.status, byCode.stderr).toBe(0);
		expect(byCode.stdout).toMatch(/from 2000 responses/);
		expect(await cells()).toEqual(before);
		const byId = run('rebuild-stats', bank);
		expect(byId.status).toBe(0);
		expect((await findSurveyById(db, bank))?.code).toBe('demo-bank');
	}, 60_000);

	it('fails in one line for an unknown survey', () => {
		const result = run('rebuild-stats', 'no-such-survey');
		expect(result.status).toBe(1);
		expect(result.stderr.trim()).toBe('satindex: No survey with id or code "no-such-survey".');
	}, 60_000);
});
