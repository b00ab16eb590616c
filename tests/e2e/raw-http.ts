// Requests through node:http rather than fetch, to choose how a body is framed on the wire.
import { request } from 'node:http';

export interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
}

/**
 * Sends `body` with a Content-Length, or in 64 KB chunks with `Transfer-Encoding: chunked`.
 * Rejects when the server drops the connection instead of answering.
 */
export function rawPost(url: string, body: string, framing: 'length' | 'chunked', headers: Record<string, string> = {}): Promise<RawResponse> {
	const bytes = Buffer.from(body);
	const framingHeader = framing === 'length' ? { 'content-length': String(bytes.length) } : { 'transfer-encoding': 'chunked' };
	return new Promise((resolve, reject) => {
		const req = request(url, { method: 'POST', headers: { ...headers, ...framingHeader } }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (text += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
			res.on('error', reject);
		});
		req.on('error', reject);
		if (framing === 'length') return void req.end(bytes);
		const write = (offset: number): void => {
			if (offset >= bytes.length) return void req.end();
			// Waits for the socket to take each chunk, as a real client streaming a body would.
			req.write(bytes.subarray(offset, offset + 64 * 1024), () => write(offset + 64 * 1024));
		};
		write(0);
	});
}
