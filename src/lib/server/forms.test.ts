import { describe, expect, it } from 'vitest';
import { readPostedForm } from './forms';

const url = 'http://localhost/s/abc?/step';
const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };

/** A body sent in chunks with no Content-Length, as a client streaming it would. */
function streamed(chunks: string[]): Request {
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
			controller.close();
		}
	});
	return new Request(url, { method: 'POST', body, headers: urlencoded, duplex: 'half' } as RequestInit);
}

describe('reading a form post with a size limit', () => {
	it('parses URL-encoded and multipart posts alike', async () => {
		const plain = await readPostedForm(new Request(url, { method: 'POST', body: 'a.Q1=4&a.Q2=%E5%A5%BD&intent=submit', headers: urlencoded }), 1024);
		expect(plain).toBeInstanceOf(URLSearchParams);
		expect([...(plain as URLSearchParams)]).toEqual([['a.Q1', '4'], ['a.Q2', '好'], ['intent', 'submit']]);
		const data = new FormData();
		data.set('a.Q1', '5');
		const multipart = await readPostedForm(new Request(url, { method: 'POST', body: data }), 1024);
		expect((multipart as FormData).get('a.Q1')).toBe('5');
	});

	it('refuses a body over the limit whether or not its length was announced', async () => {
		const big = 'x='.padEnd(2000, 'y');
		expect(await readPostedForm(new Request(url, { method: 'POST', body: big, headers: urlencoded }), 1024)).toBe('tooLarge');
		expect(await readPostedForm(streamed([big.slice(0, 900), big.slice(900)]), 1024)).toBe('tooLarge');
		expect(await readPostedForm(streamed(['a=1', '&b=2']), 1024)).toBeInstanceOf(URLSearchParams);
	});

	it('reads an oversized body to its end rather than cancelling it (cancelling drops the connection)', async () => {
		let cancelled = false;
		let pulled = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (++pulled > 5) return controller.close();
				controller.enqueue(new Uint8Array(600));
			},
			cancel: () => void (cancelled = true)
		});
		const request = new Request(url, { method: 'POST', body, headers: urlencoded, duplex: 'half' } as RequestInit);
		expect(await readPostedForm(request, 1024)).toBe('tooLarge');
		expect(cancelled).toBe(false);
		expect(pulled).toBe(6);
	});

	it("calls a body the server's BODY_SIZE_LIMIT stopped too large", async () => {
		const body = new ReadableStream<Uint8Array>({
			start: (controller) => controller.error(Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT'), { status: 413 }))
		});
		const request = new Request(url, { method: 'POST', body, headers: urlencoded, duplex: 'half' } as RequestInit);
		expect(await readPostedForm(request, 1024)).toBe('tooLarge');
	});

	it('calls a broken multipart body malformed', async () => {
		const broken = new Request(url, { method: 'POST', body: '--nope\r\nnot a part', headers: { 'content-type': 'multipart/form-data; boundary=xyz' } });
		expect(await readPostedForm(broken, 1024)).toBe('malformed');
	});
});
