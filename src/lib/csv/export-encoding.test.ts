import { beforeEach, describe, expect, it } from 'vitest';
import { csvLine, neutralise, numberCell, quoteCell, restoreNeutralised, textCell, textLine, UTF8_BOM } from './export-encoding';

beforeEach(() => {
	expect.hasAssertions();
});

describe('export encoding', () => {
	it.each(['=SUM(A1:A9)', '+1', '-2+3', '@cmd', '\tx', '\rx', "'=1"])('neutralises %j so a spreadsheet shows it as text', (text) => {
		expect(neutralise(text)).toBe(`'${text}`);
		expect(restoreNeutralised(neutralise(text))).toBe(text);
	});

	it('leaves ordinary text and apostrophes alone, and restores exactly', () => {
		for (const text of ['hello', "it's", "'plain", '很好', '']) {
			expect(neutralise(text)).toBe(text);
			expect(restoreNeutralised(neutralise(text))).toBe(text);
		}
	});

	it('quotes cells holding separators, quotes or line breaks', () => {
		expect(quoteCell('a,b')).toBe('"a,b"');
		expect(quoteCell('say "hi"')).toBe('"say ""hi"""');
		expect(quoteCell('a\nb')).toBe('"a\nb"');
		expect(quoteCell('a;b')).toBe('"a;b"');
		expect(quoteCell('plain')).toBe('plain');
		expect(textCell('=1,2')).toBe(`"'=1,2"`);
	});

	it('writes numbers as numbers (a negative score is not a formula), missing as empty, CRLF lines', () => {
		expect(numberCell(-3)).toBe('-3');
		expect(numberCell(null)).toBe('');
		expect(numberCell(Number.NaN)).toBe('');
		expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
		expect(textLine([2, 'Q1', '=x', null])).toBe("2,Q1,'=x,\r\n");
		expect(UTF8_BOM).toBe('\uFEFF');
	});
});
