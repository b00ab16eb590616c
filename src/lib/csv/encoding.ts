/**
 * Text encodings of uploaded CSV files: UTF-8 with or without BOM, or GBK (what Excel in China
 * saves "CSV" as). Decided once from the first bytes; decoding then runs chunk by chunk and
 * fails loudly on bytes the chosen encoding cannot hold, rather than storing mojibake.
 */
import { CsvInputError } from './issues';

export type FileEncoding = 'utf-8' | 'gbk';

/** How much of the file is looked at to choose the encoding. */
export const SNIFF_BYTES = 64 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * GBK files are decoded as GB18030, its superset: Node's 'gbk' decoder maps invalid bytes to
 * private-use characters even in fatal mode, while GB18030's refuses them.
 */
const decoderLabel = (encoding: FileEncoding) => (encoding === 'gbk' ? 'gb18030' : 'utf-8');

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
	return prefix.every((b, i) => bytes[i] === b);
}

function decodes(encoding: FileEncoding, bytes: Uint8Array, complete: boolean): boolean {
	try {
		// stream: true keeps a multi-byte character cut at the end of the sample from counting as invalid.
		new TextDecoder(decoderLabel(encoding), { fatal: true }).decode(bytes, { stream: !complete });
		return true;
	} catch {
		return false;
	}
}

/**
 * The encoding of a file from its first bytes (`complete` when they are the whole file): UTF-8
 * when they are valid UTF-8 (pure ASCII included), else GBK; UTF-16 and undecodable bytes are refused.
 */
export function sniffEncoding(head: Uint8Array, complete: boolean): FileEncoding {
	if (startsWith(head, UTF8_BOM)) return 'utf-8';
	if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
		throw new CsvInputError({ code: 'data.import.utf16' });
	}
	if (decodes('utf-8', head, complete)) return 'utf-8';
	if (decodes('gbk', head, complete)) return 'gbk';
	throw new CsvInputError({ code: 'data.import.encoding' });
}

/**
 * Decodes byte chunks to text in order, dropping a leading BOM; a byte sequence the encoding
 * cannot hold (e.g. a UTF-8 file with a GBK part pasted in) throws `data.import.encodingLater`.
 */
export function chunkDecoder(encoding: FileEncoding): { decode(chunk: Uint8Array, last: boolean): string } {
	const decoder = new TextDecoder(decoderLabel(encoding), { fatal: true, ignoreBOM: false });
	return {
		decode(chunk, last) {
			try {
				return decoder.decode(chunk, { stream: !last });
			} catch {
				throw new CsvInputError({ code: 'data.import.encodingLater', params: { encoding } });
			}
		}
	};
}

/**
 * The chunks of a byte stream with the encoding chosen from its first SNIFF_BYTES, decoded to text.
 * Chunks are gathered only until the sample is big enough, so memory stays bounded.
 */
export async function* decodeStream(source: AsyncIterable<Uint8Array>, onEncoding?: (e: FileEncoding) => void): AsyncGenerator<string> {
	const pending: Uint8Array[] = [];
	let pendingBytes = 0;
	let decoder: ReturnType<typeof chunkDecoder> | undefined;
	const start = (complete: boolean) => {
		const head = concat(pending, Math.min(pendingBytes, SNIFF_BYTES));
		const encoding = sniffEncoding(head, complete && pendingBytes <= SNIFF_BYTES);
		onEncoding?.(encoding);
		return chunkDecoder(encoding);
	};
	for await (const chunk of source) {
		if (decoder) {
			yield decoder.decode(chunk, false);
			continue;
		}
		pending.push(chunk);
		pendingBytes += chunk.length;
		if (pendingBytes < SNIFF_BYTES) continue;
		decoder = start(false);
		for (const held of pending.splice(0)) yield decoder.decode(held, false);
	}
	decoder ??= start(true);
	for (const held of pending.splice(0)) yield decoder.decode(held, false);
	yield decoder.decode(new Uint8Array(0), true);
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
	const out = new Uint8Array(length);
	let offset = 0;
	for (const chunk of chunks) {
		if (offset >= length) break;
		const part = chunk.subarray(0, length - offset);
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}
