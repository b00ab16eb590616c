/**
 * One side of bench/mail.ts in its own process, so that its peak memory is its own:
 * `sink` runs the local SMTP server (prints its URL, then its counts on every stdin line);
 * `outbox` queues the messages in one transaction and lets the real worker deliver them;
 * `baseline` sends the same messages with nodemailer in a plain loop. Prints JSON.
 */
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { createDb } from '../../src/lib/server/db/create-db';
import { folderMigrations } from '../../src/lib/server/db/folder-migrations';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { JobWorker } from '../../src/lib/server/jobs/worker';
import { mailConfig } from '../../src/lib/server/mail/config';
import { MAIL_KIND, type OutgoingMail } from '../../src/lib/server/mail/message';
import { renderMail } from '../../src/lib/server/mail/render';
import { createMailTransport, mailSendHandler, nodemailerMessage } from '../../src/lib/server/mail/send-handler';
import { countJobsByState, enqueueJob } from '../../src/lib/server/repo/jobs';
import { startSmtpSink } from '../../tests/smtp-sink';

const [step, smtpUrl, count, dbPath] = process.argv.slice(2);
const total = Number(count);
const footer = { sentTo: 'This message was sent to you.', unsubscribePrompt: 'To receive no more messages from us, open:', unsubscribeLabel: 'Unsubscribe' };

/** Invitation i of the run `run`: the same text for both sides, a Message-ID of its own. */
function invitation(i: number, run: string): OutgoingMail {
	const url = `https://satindex.example/s/bench?i=${i}`;
	return renderMail(`respondent${i}@example.com`, i % 2 ? 'en' : 'zh-CN', { subject: `Your opinion counts (${i})`, paragraphs: ['We would like to hear about your last visit.', 'It takes about five minutes.'], action: { label: 'Answer the survey', url } }, footer, {
		messageId: `<${run}-${i}@satindex.example>`,
		unsubscribeUrl: `https://satindex.example/unsubscribe/token${i}`
	});
}

const rssMB = () => process.resourceUsage().maxRSS / 1024;

async function sink(): Promise<void> {
	const server = await startSmtpSink({ countOnly: true });
	console.log(JSON.stringify({ url: server.url }));
	for await (const line of createInterface({ input: process.stdin })) {
		if (line === 'close') break;
		console.log(JSON.stringify({ delivered: [...server.countsById.values()].reduce((a, b) => a + b, 0), unique: server.countsById.size }));
	}
	await server.close();
}

async function outbox(): Promise<void> {
	const { db } = createDb(dbPath);
	await migrateToLatest(db, await folderMigrations());
	const config = mailConfig({ SMTP_URL: smtpUrl, SATINDEX_MAIL_RATE: '0' });
	const queueStart = performance.now();
	await db.transaction().execute(async (trx) => {
		for (let i = 0; i < total; i++) await enqueueJob(trx, { kind: MAIL_KIND, payload: invitation(i, `outbox-${dbPath}`), dedupeKey: `invitation:${i}` });
	});
	const queueMs = performance.now() - queueStart;
	const transport = createMailTransport(config);
	const worker = new JobWorker(db, [mailSendHandler(db, transport, config)], { batchSize: 100 });
	const start = performance.now();
	while ((await worker.runBatch()) > 0);
	const ms = performance.now() - start;
	transport?.close();
	const sent = (await countJobsByState(db, MAIL_KIND)).done ?? 0;
	await db.destroy();
	console.log(JSON.stringify({ ms, queueMs, sent, rssMB: rssMB() }));
}

async function baseline(): Promise<void> {
	const config = mailConfig({ SMTP_URL: smtpUrl, SATINDEX_MAIL_RATE: '0' });
	const transport = createMailTransport(config)!;
	const run = `baseline-${dbPath}`;
	const start = performance.now();
	let sent = 0;
	for (let i = 0; i < total; i++) {
		await transport.sendMail(nodemailerMessage(invitation(i, run), config.from));
		sent++;
	}
	const ms = performance.now() - start;
	transport.close();
	console.log(JSON.stringify({ ms, sent, rssMB: rssMB() }));
}

const steps: Record<string, () => Promise<void>> = { sink, outbox, baseline };
await steps[step]();
