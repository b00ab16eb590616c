// The app process's one worker: started by the server's init, stopped on shutdown. Every kind of
// background work registers its handler here.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { mailConfig } from '../mail/config';
import { createMailTransport, mailSendHandler, type MailTransport } from '../mail/send-handler';
import { campaignRemindHandler } from '../campaigns/remind';
import { analysisRebuildHandler } from '../analysis/rebuild-job';
import { setWorkerWake } from './wake';
import { JobWorker } from './worker';

let worker: JobWorker | undefined;
let transport: MailTransport | null = null;

export function startAppWorker(db: Kysely<Database>, env: Record<string, string | undefined>): void {
	if (worker) return;
	const mail = mailConfig(env);
	transport = createMailTransport(mail);
	const leaseSeconds = Number(env.SATINDEX_JOB_LEASE ?? 60);
	worker = new JobWorker(db, [mailSendHandler(db, transport, mail), campaignRemindHandler(db), analysisRebuildHandler(db)], { leaseMs: (leaseSeconds > 0 ? leaseSeconds : 60) * 1_000 });
	worker.start();
	setWorkerWake(() => worker?.wake());
}

/** Finishes the job in hand, gives back the rest, closes the SMTP connection. */
export async function stopAppWorker(): Promise<void> {
	setWorkerWake(undefined);
	await worker?.stop();
	transport?.close();
	worker = undefined;
	transport = null;
}
