// GBK bytes for a test file, as Excel in China saves CSV. Node has a GBK decoder but no encoder, so
// the table is built once by decoding every two-byte GBK code.
let table: Map<string, [number, number]> | undefined;

function gbkTable(): Map<string, [number, number]> {
	const decoder = new TextDecoder('gbk');
	const map = new Map<string, [number, number]>();
	for (let lead = 0x81; lead <= 0xfe; lead++) {
		for (let trail = 0x40; trail <= 0xfe; trail++) {
			if (trail === 0x7f) continue;
			const char = decoder.decode(new Uint8Array([lead, trail]));
			if (char.length === 1 && char !== '\uFFFD' && !map.has(char)) map.set(char, [lead, trail]);
		}
	}
	return map;
}

/** The text in GBK; throws on a character GBK cannot hold. */
export function gbk(text: string): Buffer {
	table ??= gbkTable();
	const bytes: number[] = [];
	for (const char of text) {
		const code = char.codePointAt(0)!;
		if (code < 0x80) bytes.push(code);
		else {
			const pair = table.get(char);
			if (!pair) throw new Error(`not in GBK: ${char}`);
			bytes.push(...pair);
		}
	}
	return Buffer.from(bytes);
}
