// A real SMTP server in the test process (smtp-server on 127.0.0.1, no auth, no TLS) that keeps
// what it receives; it can refuse chosen recipients (5xx) or drop the connection mid-message.
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	/** The Message-ID header, angle brackets included. */
	messageId: string;
	to: string[];
	raw: string;
}

export interface SmtpSinkOptions {
	/** A 5xx reply text for recipients to refuse, e.g. "550 5.1.1 No such user"; null accepts. */
	refuse?: (address: string) => string | null;
	/** Drops the connection during DATA of this many messages before accepting again. */
	dropFirst?: number;
	/** Keep only counts, not raw text (for large runs). */
	countOnly?: boolean;
}

export interface SmtpSink {
	url: string;
	received: ReceivedMail[];
	/** How many times each Message-ID arrived. */
	countsById: Map<string, number>;
	dropped: number;
	close(): Promise<void>;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
	const sink = { received: [] as ReceivedMail[], countsById: new Map<string, number>(), dropped: 0 };
	const server: SMTPServer = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onRcptTo(address, _session, callback) {
			const refusal = options.refuse?.(address.address);
			if (!refusal) return callback();
			const error = Object.assign(new Error(refusal.replace(/^\d{3} /, '')), { responseCode: Number(refusal.slice(0, 3)) });
			callback(error);
		},
		onData(stream, session, callback) {
			if (sink.dropped < (options.dropFirst ?? 0)) {
				sink.dropped++;
				const connection = [...(server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }).connections].find((c) => c.id === session.id);
				connection?._socket.destroy();
				stream.resume();
				return;
			}
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '';
				sink.countsById.set(messageId, (sink.countsById.get(messageId) ?? 0) + 1);
				if (!options.countOnly) sink.received.push({ messageId, to: session.envelope.rcptTo.map((r) => r.address), raw });
				callback(null, `Queued as ${messageId}`);
			});
		}
	});
	server.on('error', () => {
		// A dropped connection is reported here; it is what some tests ask for.
	});
	const port = await new Promise<number>((resolve) => {
		server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
	});
	return {
		...sink,
		get dropped() {
			return sink.dropped;
		},
		url: `smtp://127.0.0.1:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
