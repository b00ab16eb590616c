/**
 * `npm run bench -- mail`: 10,000 invitations queued in the outbox and delivered by the real worker
 * (claims, opt-out check, nodemailer over one pooled SMTP connection, completion per message) to a
 * local SMTP server in its own process, beside nodemailer sending the same messages in a plain loop
 * over the same kind of connection. Target ≥ 0.8× the baseline's messages per second, bounded
 * memory. Three alternating rounds; BENCH_MESSAGES overrides the count.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { figureTable, machineInfo, writeResults, type Figure } from './lib/report';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const ROUNDS = 3;

interface StepResult {
	ms: number;
	queueMs?: number;
	sent: number;
	rssMB: number;
}

const child = (...args: string[]) => ['--import', 'tsx', 'bench/lib/mail-child.ts', ...args];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const sink = spawn(process.execPath, child('sink', '', '0'), { stdio: ['pipe', 'pipe', 'inherit'] });
const sinkLines = createInterface({ input: sink.stdout! })[Symbol.asyncIterator]();
const nextLine = async () => JSON.parse((await sinkLines.next()).value as string);
const dir = mkdtempSync(join(tmpdir(), 'satindex-bench-mail-'));
try {
	const { url } = (await nextLine()) as { url: string };
	const run = (step: string, round: number): StepResult => {
		const out = execFileSync(process.execPath, child(step, url, String(MESSAGES), join(dir, `${step}-${round}.db`)), { encoding: 'utf8' });
		const result = JSON.parse(out.trim().split('\n').at(-1)!) as StepResult;
		if (result.sent !== MESSAGES) throw new Error(`${step} sent ${result.sent} of ${MESSAGES}`);
		return result;
	};
	const outbox: StepResult[] = [];
	const baseline: StepResult[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		baseline.push(run('baseline', round));
		outbox.push(run('outbox', round));
		const b = baseline.at(-1)!;
		const o = outbox.at(-1)!;
		console.log(`round ${round + 1}: outbox ${((MESSAGES * 1000) / o.ms).toFixed(0)} msg/s, baseline ${((MESSAGES * 1000) / b.ms).toFixed(0)} msg/s, ratio ${(b.ms / o.ms).toFixed(2)}×`);
	}
	sink.stdin!.write('count\n');
	const counts = (await nextLine()) as { delivered: number; unique: number };
	const expected = MESSAGES * ROUNDS * 2;
	if (counts.delivered !== expected || counts.unique !== expected) throw new Error(`the SMTP server received ${counts.delivered} (${counts.unique} distinct), expected ${expected}`);

	const timing = (ms: number) => ({ ms, minMs: ms, runs: ROUNDS });
	const outboxMs = median(outbox.map((r) => r.ms));
	const baselineMs = median(baseline.map((r) => r.ms));
	const ratio = median(outbox.map((o, i) => baseline[i].ms / o.ms));
	const figures: Figure[] = [
		{ name: `deliver ${MESSAGES.toLocaleString('en')} queued messages (outbox worker)`, timing: timing(outboxMs), baseline: { name: 'nodemailer plain loop', timing: timing(baselineMs) } }
	];
	console.log(figureTable(figures));
	const rate = (ms: number) => (MESSAGES * 1000) / ms;
	console.log(`\nMessages/s (median of ${ROUNDS}): outbox ${rate(outboxMs).toFixed(0)}, baseline ${rate(baselineMs).toFixed(0)}; ratio (median of same-round ratios) ${ratio.toFixed(2)}× (target ≥ 0.8× ${ratio >= 0.8 ? 'met' : 'MISSED'})`);
	console.log(`Queueing ${MESSAGES.toLocaleString('en')} messages in one transaction: ${median(outbox.map((r) => r.queueMs!)).toFixed(0)} ms`);
	console.log(`Peak RSS: outbox ${Math.max(...outbox.map((r) => r.rssMB)).toFixed(0)} MB, baseline ${Math.max(...baseline.map((r) => r.rssMB)).toFixed(0)} MB`);
	const file = writeResults('mail', figures, machineInfo());
	const { readFileSync, writeFileSync } = await import('node:fs');
	const results = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
	writeFileSync(file, JSON.stringify({ ...results, messages: MESSAGES, rounds: { outbox, baseline }, ratio, peakRssMB: { outbox: Math.max(...outbox.map((r) => r.rssMB)), baseline: Math.max(...baseline.map((r) => r.rssMB)) } }, null, 2) + '\n');
	console.log(`Results: ${file}`);
} finally {
	sink.stdin!.end('close\n');
	await once(sink, 'exit');
	rmSync(dir, { recursive: true, force: true });
}
