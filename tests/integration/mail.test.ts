import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobWorker } from '../../src/lib/server/jobs/worker';
import { mailConfig } from '../../src/lib/server/mail/config';
import { composeMail, queueMail } from '../../src/lib/server/mail/compose';
import { createMailTransport, mailSendHandler } from '../../src/lib/server/mail/send-handler';
import { readUnsubscribeToken, unsubscribe } from '../../src/lib/server/mail/unsubscribe';
import { findJob, listJobs } from '../../src/lib/server/repo/jobs';
import { startSmtpSink, type SmtpSink } from '../smtp-sink';
import { engines, useTestDb } from './databases';

const origin = 'https://satindex.example';
const content = { subject: 'Survey 满意度调查', paragraphs: ['Please answer.'], action: { label: 'Answer', url: `${origin}/s/abc` } };

describe.each(engines)('mail through the outbox on %s', (engine) => {
	const t = useTestDb(engine);
	let sink: SmtpSink | undefined;
	beforeEach(async () => {
		await t.db.deleteFrom('jobs').execute();
		await t.db.deleteFrom('contact_opt_outs').execute();
	});
	afterEach(async () => {
		await sink?.close();
		sink = undefined;
	});

	/** A worker whose mail goes to `smtpUrl` (none: kept), retrying at once. */
	function mailWorker(smtpUrl?: string) {
		const config = mailConfig({ SMTP_URL: smtpUrl, SATINDEX_MAIL_RATE: '0' });
		const transport = createMailTransport(config);
		const worker = new JobWorker(t.db, [mailSendHandler(t.db, transport, config)], { backoff: { baseMs: 0, maxMs: 0 } });
		return { worker, close: () => transport?.close() };
	}

	async function queue(to: string, locale: 'en' | 'zh-CN' = 'en', dedupeKey?: string): Promise<string> {
		return (await queueMail(t.db, await composeMail(t.db, to, locale, origin, content), dedupeKey))!;
	}

	it('sends both parts, a stable Message-ID and one-click unsubscribe headers, and records the server’s answer', async () => {
		expect.hasAssertions();
		sink = await startSmtpSink();
		const id = await queue('reader@example.com', 'zh-CN');
		const { worker, close } = mailWorker(sink.url);
		await worker.runBatch();
		close();
		const [mail] = sink.received;
		const job = await findJob(t.db, id);
		const payload = job!.payload as { messageId: string; unsubscribeUrl: string };
		expect(mail.messageId).toBe(payload.messageId);
		expect(job).toMatchObject({ state: 'done', result: expect.stringContaining(`Queued as ${payload.messageId}`) });
		expect(mail.raw).toMatch(/^List-Unsubscribe:\s+<https:\/\/satindex\.example\/unsubscribe\/[\w-]+\.[\w-]+>/m);
		expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
		expect(mail.raw).toMatch(/^Content-Type: text\/plain; charset=utf-8/m);
		expect(mail.raw).toMatch(/^Content-Type: text\/html; charset=utf-8/m);
		expect(mail.raw).toMatch(/^Content-Language: zh-CN/m);
		expect(await readUnsubscribeToken(t.db, payload.unsubscribeUrl.split('/').at(-1)!)).toBe('reader@example.com');
	});

	it('records a refused recipient as permanent with the server’s text, and still delivers the others', async () => {
		expect.hasAssertions();
		sink = await startSmtpSink({ refuse: (to) => (to.startsWith('gone') ? '550 5.1.1 Mailbox gone@example.com does not exist' : null) });
		const gone = await queue('gone@example.com');
		const here = await queue('here@example.com');
		const { worker, close } = mailWorker(sink.url);
		await worker.runBatch();
		close();
		expect(await findJob(t.db, gone)).toMatchObject({ state: 'dead', attempts: 1, lastError: expect.stringContaining('550 5.1.1 Mailbox gone@example.com does not exist') });
		expect(await findJob(t.db, here)).toMatchObject({ state: 'done' });
		expect(sink.received.map((m) => m.to)).toEqual([['here@example.com']]);
	});

	it('retries after the server drops the connection, then delivers once', async () => {
		expect.hasAssertions();
		sink = await startSmtpSink({ dropFirst: 1 });
		const id = await queue('patient@example.com');
		const { worker, close } = mailWorker(sink.url);
		await worker.runBatch();
		expect(await findJob(t.db, id)).toMatchObject({ state: 'failed', attempts: 1 });
		await worker.runBatch(Date.now() + 1);
		close();
		expect(await findJob(t.db, id)).toMatchObject({ state: 'done', attempts: 2, lastError: null });
		expect(sink.dropped).toBe(1);
		expect([...sink.countsById.values()]).toEqual([1]);
	});

	it('keeps messages in the app without an SMTP server', async () => {
		expect.hasAssertions();
		const id = await queue('kept@example.com');
		const { worker } = mailWorker();
		await worker.runBatch();
		expect(await findJob(t.db, id)).toMatchObject({ state: 'kept', lastError: null });
	});

	it('honours an unsubscribe for every later message to that address, and refuses a forged token', async () => {
		expect.hasAssertions();
		sink = await startSmtpSink();
		const first = await composeMail(t.db, 'Leaver@Example.com', 'en', origin, content);
		const token = first.unsubscribeUrl.split('/').at(-1)!;
		// Every other spelling of the last character, spare bits included, is refused.
		for (const last of ['A', 'B', 'Q', 'R', 'g', 'h', 'w', 'x'].filter((c) => !token.endsWith(c))) expect(await unsubscribe(t.db, token.slice(0, -1) + last)).toBe(false);
		expect(await unsubscribe(t.db, token)).toBe(true);
		const later = await queue('leaver@example.com');
		const other = await queue('stayer@example.com');
		const { worker, close } = mailWorker(sink.url);
		await worker.runBatch();
		close();
		expect(await findJob(t.db, later)).toMatchObject({ state: 'skipped', result: 'unsubscribed' });
		expect(await findJob(t.db, other)).toMatchObject({ state: 'done' });
		expect(sink.received.flatMap((m) => m.to)).toEqual(['stayer@example.com']);
	});

	it('queues one message per invitation however often it is asked', async () => {
		expect.hasAssertions();
		expect(await queue('once@example.com', 'en', 'invitation:1')).toBeTruthy();
		expect(await queue('once@example.com', 'en', 'invitation:1')).toBeNull();
		expect(await listJobs(t.db, { kind: 'mail.send', limit: 10 })).toHaveLength(1);
	});
});
