/**
 * A login flood against the built app on SQLite: 2,000 wrong-password posts from one address over
 * 20 connections, after that address and the account it guesses are blocked, while a reader loads
 * a questionnaire page one request after another. The figure is the page's median load time
 * during the flood; its baseline is the same page's median with the app otherwise idle, read just
 * before and just after the flood. Figures are medians over the rounds. Also counted: 5xx
 * answers, attempts that reached the password check, audit entries the flood wrote.
 * BENCH_APP_BUILD=<folder> measures an existing build instead of building one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Kysely } from 'kysely';
import { hashPassword } from '../src/lib/server/auth/password';
import { createDb } from '../src/lib/server/db/create-db';
import { folderMigrations } from '../src/lib/server/db/folder-migrations';
import { migrateToLatest } from '../src/lib/server/db/migrator';
import type { Database } from '../src/lib/server/db/schema';
import { insertUser } from '../src/lib/server/repo/users';
import { formatTextTable } from '../src/lib/csv/text-table';
import { build, root, start } from './lib/app-server';
import { machineInfo, writeJson } from './lib/report';
import { seedBenchSurvey } from './submit/seed';

const ROUNDS = Number(process.env.BENCH_LOGIN_ROUNDS ?? 7);
const FLOOD = 2_000;
const CONNECTIONS = 20;
const IDLE_LOADS = 100;
const URL_BASE = 'http://127.0.0.1:4395';
const PAGE = `${URL_BASE}/s/bench?lang=en`;
const RATIO_TARGET = 3;

interface Round {
	idleMedianMs: number;
	floodMedianMs: number;
	floodMaxMs: number;
	pageLoads: number;
	pageErrors: number;
	serverErrors: number;
	floodSeconds: number;
	passwordChecks: number;
	auditEntries: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function loadPage(): Promise<{ ms: number; ok: boolean }> {
	const started = performance.now();
	const response = await fetch(PAGE);
	await response.arrayBuffer();
	return { ms: performance.now() - started, ok: response.status === 200 };
}

/** Loads the page one request after another until `until` settles. */
async function readWhile(until: Promise<unknown>): Promise<{ ms: number; ok: boolean }[]> {
	let done = false;
	void until.finally(() => (done = true));
	const loads = [];
	while (!done) loads.push(await loadPage());
	return loads;
}

const wrongPassword = (amount: number) =>
	autocannon({
		url: `${URL_BASE}/login`,
		method: 'POST',
		connections: Math.min(CONNECTIONS, amount),
		amount,
		// In a thread of its own, so the page reader's timings do not include the flood's client.
		workers: 1,
		headers: { origin: URL_BASE, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: 'target@example.com', password: 'not the password' }).toString()
	});

const auditCount = async (db: Kysely<Database>, action?: string) => {
	let query = db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'));
	if (action) query = query.where('action', '=', action);
	return Number((await query.executeTakeFirstOrThrow()).n);
};

async function round(db: Kysely<Database>): Promise<Round> {
	const idle: number[] = [];
	const readIdle = async () => {
		for (let i = 0; i < IDLE_LOADS / 2; i++) idle.push((await loadPage()).ms);
	};
	await readIdle();
	const [checksBefore, entriesBefore] = [await auditCount(db, 'login.failure'), await auditCount(db)];
	const started = performance.now();
	const flood = Promise.resolve(wrongPassword(FLOOD));
	const loads = await readWhile(flood);
	const result = await flood;
	const floodSeconds = (performance.now() - started) / 1000;
	// Half the baseline before the flood and half after, as the machine's own load drifts.
	await readIdle();
	const passwordChecks = (await auditCount(db, 'login.failure')) - checksBefore;
	return {
		idleMedianMs: median(idle),
		floodMedianMs: median(loads.map((l) => l.ms)),
		floodMaxMs: Math.max(...loads.map((l) => l.ms)),
		pageLoads: loads.length,
		pageErrors: loads.filter((l) => !l.ok).length,
		serverErrors: result['5xx'] + result.errors + result.timeouts,
		floodSeconds,
		passwordChecks,
		auditEntries: (await auditCount(db)) - entriesBefore - passwordChecks
	};
}

async function main(): Promise<void> {
	const work = mkdtempSync(path.join(tmpdir(), 'satindex-bench-login-'));
	const appBuild = process.env.BENCH_APP_BUILD ?? path.join(root, 'build-bench-login');
	if (!process.env.BENCH_APP_BUILD) build('the app', root, { SATINDEX_KIT_DIR: '.svelte-kit-bench-login', SATINDEX_BUILD_DIR: appBuild });
	const dbPath = path.join(work, 'app.db');
	const { db } = createDb(dbPath);
	await migrateToLatest(db, await folderMigrations(path.join(root, 'migrations')));
	await seedBenchSurvey(db);
	await insertUser(db, { email: 'target@example.com', name: 'Target', passwordHash: await hashPassword('the right password'), role: 'viewer' });
	const server = await start([path.join(appBuild, 'index.js')], { DATABASE_URL: dbPath, ORIGIN: URL_BASE }, PAGE);
	try {
		// The address and the account are blocked before the first flood, as after an attack's first guesses.
		for (let i = 0; i < 5; i++) await Promise.resolve(wrongPassword(1));
		const rounds: Round[] = [];
		for (let i = 0; i < ROUNDS; i++) {
			rounds.push(await round(db));
			const r = rounds[i];
			console.log(`round ${i + 1}: idle ${r.idleMedianMs.toFixed(1)} ms, flood ${r.floodMedianMs.toFixed(1)} ms (max ${r.floodMaxMs.toFixed(0)} ms, ${r.pageLoads} loads), ${r.floodSeconds.toFixed(1)} s, ${r.serverErrors} 5xx, ${r.passwordChecks} checks, ${r.auditEntries} other audit entries`);
		}
		report(rounds);
	} finally {
		server.kill('SIGTERM');
		await db.destroy();
		rmSync(work, { recursive: true, force: true });
	}
}

function report(rounds: Round[]): void {
	const pick = (f: (r: Round) => number) => median(rounds.map(f));
	const sum = (f: (r: Round) => number) => rounds.reduce((total, r) => total + f(r), 0);
	const summary = {
		idleMedianMs: pick((r) => r.idleMedianMs),
		floodMedianMs: pick((r) => r.floodMedianMs),
		floodMaxMs: Math.max(...rounds.map((r) => r.floodMaxMs)),
		ratio: pick((r) => r.floodMedianMs / r.idleMedianMs),
		floodSeconds: pick((r) => r.floodSeconds),
		serverErrors: sum((r) => r.serverErrors + r.pageErrors),
		passwordChecks: sum((r) => r.passwordChecks),
		auditEntries: sum((r) => r.auditEntries)
	};
	const met = summary.ratio <= RATIO_TARGET && summary.serverErrors === 0;
	console.log(
		`\n${formatTextTable(
			['Figure', 'Value'],
			[
				['page median, idle (baseline)', `${summary.idleMedianMs.toFixed(1)} ms`],
				[`page median during ${FLOOD} login posts`, `${summary.floodMedianMs.toFixed(1)} ms`],
				['ratio (median of rounds)', `${summary.ratio.toFixed(2)}×`],
				['page max during floods', `${summary.floodMaxMs.toFixed(0)} ms`],
				['flood duration (median)', `${summary.floodSeconds.toFixed(1)} s`],
				[`5xx or failed page loads (${ROUNDS} rounds)`, String(summary.serverErrors)],
				[`password checks (${ROUNDS} floods)`, String(summary.passwordChecks)],
				[`other audit entries (${ROUNDS} floods)`, String(summary.auditEntries)]
			]
		)}`
	);
	console.log(`\nTarget (median page load during the flood ≤ ${RATIO_TARGET}× idle, zero 5xx): ${met ? 'met' : 'MISSED'}`);
	writeJson('login-flood', { bench: 'login-flood', date: new Date().toISOString(), machine: machineInfo(), rounds: ROUNDS, flood: FLOOD, connections: CONNECTIONS, target: { ratioAtMost: RATIO_TARGET, met }, summary, perRound: rounds });
}

await main();
