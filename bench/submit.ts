/**
 * Submission throughput: the real respondent submit path of the built app (form action, rate
 * limits, validation of a 30-item survey, the storing transaction) against two baselines measured
 * in the same run — a minimal SvelteKit POST endpoint doing one insert, and node:http +
 * better-sqlite3 doing one insert. autocannon at 10 and 50 connections; about two minutes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createDb } from '../src/lib/server/db/create-db';
import { folderMigrations } from '../src/lib/server/db/folder-migrations';
import { migrateToLatest } from '../src/lib/server/db/migrator';
import { formatTextTable } from '../src/lib/csv/text-table';
import { machineInfo } from './lib/report';
import { seedBenchSurvey, submissionBody } from './submit/seed';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'satindex-bench-submit-'));
const DURATION_S = Number(process.env.BENCH_SUBMIT_SECONDS ?? 10);
const CONNECTIONS = [10, 50];

interface Target {
	name: string;
	url: string;
	/** The status a successful submission answers with. */
	ok: number;
	headers: Record<string, string>;
}

interface Run {
	target: string;
	connections: number;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	errors: number;
	requests: number;
}

function build(label: string, cwd: string, env: Record<string, string>): void {
	const started = Date.now();
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
	if (result.status !== 0) throw new Error(`Building ${label} failed`);
	console.log(`built ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function start(command: string[], env: Record<string, string>, url: string): Promise<ChildProcess> {
	const port = new URL(url).port;
	const child = spawn(process.execPath, command, { cwd: root, env: { ...process.env, ...env, PORT: port, HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
	for (let i = 0; i < 200; i++) {
		if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited early`);
		try {
			await fetch(url, { redirect: 'manual' });
			return child;
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	throw new Error(`${command.join(' ')} did not start`);
}

async function load(target: Target, connections: number, body: string): Promise<Run> {
	const result = await autocannon({ url: target.url, method: 'POST', connections, duration: DURATION_S, headers: target.headers, body });
	const good = target.ok === 303 ? result['3xx'] : result['2xx'];
	const bad = result.requests.total - good;
	return {
		target: target.name,
		connections,
		requestsPerSecond: good / DURATION_S,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		errors: result.errors + result.timeouts + bad,
		requests: result.requests.total
	};
}

async function main(): Promise<void> {
	// Inside the project (git-ignored), so the servers resolve their packages from node_modules.
	const appBuild = path.join(root, 'build-bench-submit');
	const minimalRoot = path.join(root, 'bench/submit/minimal-kit');
	const kitBuild = path.join(minimalRoot, 'build');
	build('the app', root, { SATINDEX_KIT_DIR: '.svelte-kit-bench-submit', SATINDEX_BUILD_DIR: appBuild });
	build('the minimal SvelteKit app', minimalRoot, {});

	const appDb = path.join(work, 'app.db');
	const handle = createDb(appDb);
	await migrateToLatest(handle.db, await folderMigrations(path.join(root, 'migrations')));
	await seedBenchSurvey(handle.db);
	await handle.db.destroy();

	const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
	const targets: { target: Target; command: string[]; env: Record<string, string> }[] = [
		{
			target: { name: 'SatIndex submit (form action)', url: 'http://127.0.0.1:4391/s/bench?/step', ok: 303, headers: { ...form, origin: 'http://127.0.0.1:4391' } },
			command: [path.join(appBuild, 'index.js')],
			// Limits high enough not to refuse the bench, so their counters still run on every post.
			env: { DATABASE_URL: appDb, ORIGIN: 'http://127.0.0.1:4391', SATINDEX_SUBMIT_LIMIT_CLIENT: '100000000/60', SATINDEX_SUBMIT_LIMIT_SURVEY: '100000000/60' }
		},
		{
			target: { name: 'minimal SvelteKit endpoint', url: 'http://127.0.0.1:4392/submit', ok: 303, headers: { ...form, origin: 'http://127.0.0.1:4392' } },
			command: [path.join(kitBuild, 'index.js')],
			env: { DATABASE_URL: path.join(work, 'minimal.db'), ORIGIN: 'http://127.0.0.1:4392' }
		},
		{
			target: { name: 'node:http + better-sqlite3', url: 'http://127.0.0.1:4393/', ok: 303, headers: form },
			command: ['--import', 'tsx', path.join(root, 'bench/submit/plain-server.ts')],
			env: { DATABASE_URL: path.join(work, 'plain.db') }
		}
	];

	const body = submissionBody();
	const runs: Run[] = [];
	for (const { target, command, env } of targets) {
		const child = await start(command, env, target.url);
		await autocannon({ url: target.url, method: 'POST', connections: 10, duration: 2, headers: target.headers, body }); // warm-up
		for (const connections of CONNECTIONS) {
			const run = await load(target, connections, body);
			console.log(`${run.target} @ ${connections}: ${run.requestsPerSecond.toFixed(0)} req/s, p99 ${run.p99Ms} ms, ${run.errors} errors`);
			runs.push(run);
		}
		child.kill('SIGTERM');
	}
	report(runs);
	rmSync(work, { recursive: true, force: true });
}

function report(runs: Run[]): void {
	const baseline = (connections: number) => runs.find((r) => r.target === 'minimal SvelteKit endpoint' && r.connections === connections)!;
	const ratio = (r: Run) => r.requestsPerSecond / baseline(r.connections).requestsPerSecond;
	const app = runs.filter((r) => r.target.startsWith('SatIndex'));
	const targets = {
		ratioAtLeast: 0.8,
		p99AtTenConnectionsMs: 50,
		met: app.every((r) => ratio(r) >= 0.8 && r.errors === 0) && app.every((r) => r.connections !== 10 || r.p99Ms <= 50)
	};
	const rows = runs.map((r) => [r.target, String(r.connections), r.requestsPerSecond.toFixed(0), `${r.p50Ms} ms`, `${r.p99Ms} ms`, String(r.errors), `${ratio(r).toFixed(2)}×`]);
	console.log(`\n${formatTextTable(['Server', 'Connections', 'req/s', 'p50', 'p99', 'Errors', 'vs minimal Kit'], rows)}`);
	console.log(`\nTargets (≥ 0.8× the minimal SvelteKit endpoint, p99 ≤ 50 ms at 10 connections, zero errors): ${targets.met ? 'met' : 'MISSED'}`);
	const dir = path.join(root, 'bench/results');
	mkdirSync(dir, { recursive: true });
	const results = runs.map((r) => ({ ...r, ratioToMinimalKit: ratio(r) }));
	writeFileSync(path.join(dir, 'submit.json'), `${JSON.stringify({ bench: 'submit', date: new Date().toISOString(), machine: machineInfo(), durationSeconds: DURATION_S, targets, runs: results }, null, 2)}\n`);
}

main().catch((error) => {
	console.error(error);
	rmSync(work, { recursive: true, force: true });
	process.exit(1);
});
