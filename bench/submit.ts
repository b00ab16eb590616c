/**
 * Submission throughput: the real respondent submit path of the built app (form action, rate
 * limits, validation of a 30-item survey, the storing transaction) against baselines measured in
 * the same run — a minimal SvelteKit form action doing one insert (the target's yardstick: a page
 * that works without JavaScript posts to a form action), a minimal SvelteKit POST endpoint doing the
 * same, and node:http + better-sqlite3 doing one insert.
 * autocannon at 10 and 50 connections. This machine's speed drifts by tens of percent within a
 * minute, so the servers run side by side and take turns in short rounds; each figure is the
 * median over the rounds, each ratio the median of same-round ratios. Server CPU time per request
 * (from /proc) is reported too: it does not depend on what else the machine is doing. About 3 minutes.
 * BENCH_APP_BUILD=<folder> measures an existing build of the app instead of building one.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { formatTextTable } from '../src/lib/csv/text-table';
import { buildApp, buildMinimalKit, root, start } from './lib/app-server';
import { machineInfo } from './lib/report';
import { createBenchDb, submissionBody } from './submit/seed';

const work = mkdtempSync(path.join(tmpdir(), 'satindex-bench-submit-'));
const ROUND_S = Number(process.env.BENCH_SUBMIT_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_SUBMIT_ROUNDS ?? 5);
const CONNECTIONS = [10, 50];
const YARDSTICK = 'minimal SvelteKit form action';
/** The targets: req/s at least this share of the yardstick's, at every connection count… */
const MIN_RATIO = 0.8;
/** …and p99 at most this at 10 connections, with zero errors. */
const MAX_P99_AT_10_MS = 50;

interface Target {
	name: string;
	url: string;
	headers: Record<string, string>;
}

interface Round {
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	errors: number;
	cpuUsPerRequest: number;
}

interface Run {
	target: string;
	connections: number;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	errors: number;
	cpuUsPerRequest: number;
	/** Median of same-round req/s ratios to the yardstick. */
	ratioToFormAction: number;
	/** Each round's req/s ratio to the yardstick, in round order. */
	roundRatios: number[];
	cpuRatioToFormAction: number;
}

/** User plus system CPU time of a process so far, in microseconds (Linux /proc; clock ticks of 10 ms). */
function cpuMicros(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function load(target: Target, server: ChildProcess, connections: number, body: string): Promise<Round> {
	const cpuBefore = cpuMicros(server.pid!);
	const result = await autocannon({ url: target.url, method: 'POST', connections, duration: ROUND_S, headers: target.headers, body });
	const good = result['3xx'];
	return {
		requestsPerSecond: good / ROUND_S,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		errors: result.errors + result.timeouts + result.requests.total - good,
		cpuUsPerRequest: (cpuMicros(server.pid!) - cpuBefore) / Math.max(1, good)
	};
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One server at one connection count: medians over the rounds, ratios to the yardstick's same rounds. */
function summarise(target: string, connections: number, mine: Round[], yardstick: Round[]): Run {
	const roundRatios = mine.map((r, k) => r.requestsPerSecond / yardstick[k].requestsPerSecond);
	return {
		target,
		connections,
		requestsPerSecond: median(mine.map((r) => r.requestsPerSecond)),
		p50Ms: median(mine.map((r) => r.p50Ms)),
		p99Ms: median(mine.map((r) => r.p99Ms)),
		errors: mine.reduce((sum, r) => sum + r.errors, 0),
		cpuUsPerRequest: median(mine.map((r) => r.cpuUsPerRequest)),
		ratioToFormAction: median(roundRatios),
		roundRatios,
		cpuRatioToFormAction: median(mine.map((r, k) => yardstick[k].cpuUsPerRequest / r.cpuUsPerRequest))
	};
}

async function main(): Promise<void> {
	const appBuild = process.env.BENCH_APP_BUILD ?? buildApp('submit');
	const kitBuild = buildMinimalKit();

	const appDb = path.join(work, 'app.db');
	await createBenchDb(appDb);

	const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
	const kitEnv = { DATABASE_URL: path.join(work, 'minimal.db'), ORIGIN: 'http://127.0.0.1:4392' };
	const targets: { target: Target; command: string[]; env: Record<string, string> }[] = [
		{
			target: { name: 'SatIndex submit (form action)', url: 'http://127.0.0.1:4391/s/bench?/step', headers: { ...form, origin: 'http://127.0.0.1:4391' } },
			command: [path.join(appBuild, 'index.js')],
			// Limits high enough not to refuse the bench, so their counters still run on every post.
			env: { DATABASE_URL: appDb, ORIGIN: 'http://127.0.0.1:4391', SATINDEX_SUBMIT_LIMIT_CLIENT: '100000000/60', SATINDEX_SUBMIT_LIMIT_SURVEY: '100000000/60' }
		},
		{ target: { name: 'minimal SvelteKit POST endpoint', url: 'http://127.0.0.1:4392/submit', headers: { ...form, origin: 'http://127.0.0.1:4392' } }, command: [path.join(kitBuild, 'index.js')], env: kitEnv },
		{
			target: { name: YARDSTICK, url: 'http://127.0.0.1:4393/action', headers: { ...form, origin: 'http://127.0.0.1:4393' } },
			command: [path.join(kitBuild, 'index.js')],
			env: { DATABASE_URL: path.join(work, 'minimal-action.db'), ORIGIN: 'http://127.0.0.1:4393' }
		},
		{
			target: { name: 'node:http + better-sqlite3', url: 'http://127.0.0.1:4394/', headers: form },
			command: ['--import', 'tsx', path.join(root, 'bench/submit/plain-server.ts')],
			env: { DATABASE_URL: path.join(work, 'plain.db') }
		}
	];

	const body = submissionBody();
	const servers: ChildProcess[] = [];
	try {
		for (const { target, command, env } of targets) {
			const server = await start(command, env, target.url);
			servers.push(server);
			await autocannon({ url: target.url, method: 'POST', connections: 10, duration: 2, headers: target.headers, body }); // warm-up
		}
		const runs: Run[] = [];
		for (const connections of CONNECTIONS) {
			const rounds = targets.map((): Round[] => []);
			for (let round = 0; round < ROUNDS; round++) {
				for (const [i, { target }] of targets.entries()) rounds[i].push(await load(target, servers[i], connections, body));
			}
			const yardstick = rounds[targets.findIndex((t) => t.target.name === YARDSTICK)];
			for (const [i, { target }] of targets.entries()) {
				const run = summarise(target.name, connections, rounds[i], yardstick);
				console.log(`${run.target} @ ${connections}: ${run.requestsPerSecond.toFixed(0)} req/s, p99 ${run.p99Ms} ms, ${run.cpuUsPerRequest.toFixed(0)} µs CPU/request, ${run.errors} errors`);
				runs.push(run);
			}
		}
		report(runs);
	} finally {
		for (const server of servers) server.kill('SIGTERM');
		rmSync(work, { recursive: true, force: true });
	}
}

/** Whether the submit path meets each target at each connection count, as printed lines. */
function targetChecks(app: Run[]): { line: string; met: boolean }[] {
	return app.flatMap((r) => [
		{ line: `req/s ≥ ${MIN_RATIO}× the minimal form action at ${r.connections} connections: ${r.ratioToFormAction.toFixed(2)}×`, met: r.ratioToFormAction >= MIN_RATIO },
		{ line: `zero errors at ${r.connections} connections: ${r.errors}`, met: r.errors === 0 },
		...(r.connections === 10 ? [{ line: `p99 ≤ ${MAX_P99_AT_10_MS} ms at 10 connections: ${r.p99Ms} ms`, met: r.p99Ms <= MAX_P99_AT_10_MS }] : [])
	]);
}

function report(runs: Run[]): void {
	const checks = targetChecks(runs.filter((r) => r.target.startsWith('SatIndex')));
	const targets = { ratioToFormActionAtLeast: MIN_RATIO, p99AtTenConnectionsMs: MAX_P99_AT_10_MS, met: checks.every((c) => c.met) };
	const rows = runs.map((r) => [
		r.target,
		String(r.connections),
		r.requestsPerSecond.toFixed(0),
		`${r.p50Ms} ms`,
		`${r.p99Ms} ms`,
		String(r.errors),
		r.cpuUsPerRequest.toFixed(0),
		`${r.ratioToFormAction.toFixed(2)}×`,
		r.roundRatios.map((ratio) => ratio.toFixed(2)).join(' '),
		`${r.cpuRatioToFormAction.toFixed(2)}×`
	]);
	const header = ['Server', 'Connections', 'req/s', 'p50', 'p99', 'Errors', 'CPU µs/req', 'req/s vs form action', 'each round', 'CPU vs form action'];
	console.log(`\n${formatTextTable(header, rows)}\n\nTargets, against the minimal SvelteKit form action of the same rounds:`);
	for (const check of checks) console.log(`  ${check.met ? 'met   ' : 'MISSED'} ${check.line}`);
	const dir = path.join(root, 'bench/results');
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, 'submit.json'), `${JSON.stringify({ bench: 'submit', date: new Date().toISOString(), machine: machineInfo(), roundSeconds: ROUND_S, rounds: ROUNDS, yardstick: YARDSTICK, targets, runs }, null, 2)}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
