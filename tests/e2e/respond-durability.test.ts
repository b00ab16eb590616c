// A response acknowledged to the respondent (303 to the thank-you page) survives `kill -9` of the
// server: flood submissions, kill the process mid-flood, restart on the same SQLite file, and find
// every acknowledged response exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { createDb } from '../../src/lib/server/db/create-db';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { kitchenSink, seedSurvey } from './respond-fixtures';
import { startServer, type RunningServer } from './server';

beforeEach(() => {
	expect.hasAssertions();
});

const unlimited = { SATINDEX_SUBMIT_LIMIT_CLIENT: '0', SATINDEX_SUBMIT_LIMIT_SURVEY: '0' };

function submission(marker: string): string {
	const form = new URLSearchParams({ intent: 'submit', lang: 'en', 'a.Q1': '4', 'a.Q2': '5', 'a.Q3': 'na', 'a.T1_E': '7', 'a.T1_P': '5', 'a.SAT': '8', 'a.NOTE': marker });
	return form.toString();
}

describe('durability of acknowledged responses', () => {
	const dir = mkdtempSync(join(tmpdir(), 'satindex-durable-'));
	const dbPath = join(dir, 'durable.db');
	let server: RunningServer | undefined;
	afterAll(async () => {
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('keeps every acknowledged response, none twice, across kill -9', async () => {
		const setup = createDb(dbPath);
		await migrateToLatest(setup.db, bundledMigrations);
		const survey = await seedSurvey(setup.db, { code: 'durable', definition: kitchenSink });
		await setup.db.destroy();

		server = await startServer({ dbPath, env: unlimited });
		const first = server;
		const url = first.url;
		// Waited on directly: stop() on a process killed by a signal would wait for an exit already seen.
		const exited = new Promise((resolve) => first.process.once('exit', resolve));
		const acknowledged: string[] = [];
		let next = 0;
		let killed = false;
		const total = 600;
		const killAfter = 150;

		async function worker(): Promise<void> {
			while (next < total) {
				const marker = `m-${next++}`;
				try {
					const response = await fetch(`${url}/s/durable?/step`, {
						method: 'POST',
						redirect: 'manual',
						headers: { origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
						body: submission(marker)
					});
					if (response.status === 303 && response.headers.get('location')?.includes('/thanks')) acknowledged.push(marker);
				} catch {
					// The server died with this request in flight: not acknowledged, so no promise was made.
				}
				if (!killed && acknowledged.length >= killAfter) {
					killed = true;
					first.process.kill('SIGKILL');
				}
			}
		}
		await Promise.all(Array.from({ length: 16 }, worker));
		expect(killed).toBe(true);
		await exited;

		server = await startServer({ dbPath, env: unlimited });
		const after = createDb(dbPath);
		const rows = await after.db.selectFrom('responses').select('answers').where('survey_id', '=', survey.id).execute();
		const markers = rows.map((r) => JSON.parse(r.answers).NOTE as string);
		const counted = await after.db.selectFrom('surveys').select('response_count').where('id', '=', survey.id).executeTakeFirstOrThrow();
		await after.db.destroy();

		expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
		expect(new Set(markers).size).toBe(markers.length);
		const stored = new Set(markers);
		expect(acknowledged.filter((m) => !stored.has(m))).toEqual([]);
		expect(Number(counted.response_count)).toBe(markers.length);

		const again = await fetch(`${server.url}/s/durable?/step`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: submission('after-restart')
		});
		expect(again.status).toBe(303);
	});
});
