import { beforeEach, describe, expect, it } from 'vitest';
import { decodeStream, sniffEncoding } from './encoding';
import { CsvInputError } from './issues';

beforeEach(() => {
	expect.hasAssertions();
});

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (text: string) => new TextEncoder().encode(text);

async function decodeAll(parts: Uint8Array[]): Promise<string> {
	let text = '';
	for await (const chunk of decodeStream((async function* () { yield* parts; })())) text += chunk;
	return text;
}

describe('encodings', () => {
	it('takes ASCII and UTF-8 (with or without BOM) as UTF-8, other Chinese bytes as GBK', () => {
		expect(sniffEncoding(utf8('Q1,Q2'), true)).toBe('utf-8');
		expect(sniffEncoding(utf8('\uFEFF满意度'), true)).toBe('utf-8');
		expect(sniffEncoding(bytes(0xc2, 0xfa, 0xd2, 0xe2), true)).toBe('gbk');
	});

	it('does not mistake a UTF-8 character cut at the end of the sample for GBK', () => {
		const cut = utf8('满意').subarray(0, 4);
		expect(sniffEncoding(cut, false)).toBe('utf-8');
	});

	it('refuses UTF-16 and bytes that are neither', () => {
		expect(() => sniffEncoding(bytes(0xff, 0xfe, 0x41, 0x00), true)).toThrow(CsvInputError);
		expect(() => sniffEncoding(bytes(0x41, 0xff, 0xff, 0xff), true)).toThrow('data.import.encoding');
	});

	it('decodes chunk by chunk, characters split across chunks included, and drops the BOM', async () => {
		const all = utf8('\uFEFF满意度,Q1\n');
		const parts = [...all].map((b) => bytes(b));
		expect(await decodeAll(parts)).toBe('满意度,Q1\n');
		expect(await decodeAll([bytes(0xc2, 0xfa), bytes(0xd2), bytes(0xe2)])).toBe('满意');
	});

	it('fails when a UTF-8 file turns invalid after the sample', async () => {
		const head = utf8('a'.repeat(70 * 1024));
		await expect(decodeAll([head, bytes(0xff, 0xfe, 0xfd)])).rejects.toThrow('data.import.encodingLater');
	});
});
