import { beforeEach, describe, expect, it } from 'vitest';
import { runImport, type ImportOutcome } from './import-pipeline';
import type { ImportedRow } from './row-validation';
import { MAX_RECORD_CHARS } from './stream-reader';
import { csvTestDefinition, csvTestMetadata } from './test-survey';

beforeEach(() => {
	expect.hasAssertions();
});

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const target = { definition: csvTestDefinition, mapping: {}, metadata: csvTestMetadata };

/** Imports bytes in chunks of `size`; returns the outcome and every row handed to storage. */
async function run(content: string | Uint8Array, size = 7, mapping = {}): Promise<{ outcome: ImportOutcome; stored: ImportedRow[] }> {
	const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
	const stored: ImportedRow[] = [];
	const outcome = await runImport(chunks(bytes, size), { ...target, mapping }, async (rows) => void stored.push(...rows), { batchSize: 2 });
	return { outcome, stored };
}

/** The reasons reported, as "row:column:code". */
function reasons(outcome: ImportOutcome): string[] {
	if (outcome.ok || outcome.kind !== 'invalid') throw new Error(`expected an invalid outcome, got ${JSON.stringify(outcome)}`);
	return outcome.errors.map((e) => `${e.row}:${e.column}:${e.reason.code}`);
}

describe('runImport: valid files', () => {
	it('reads codes, labels in either language, N/A, reverse-coded columns, other texts and metadata', async () => {
		const csv = 'Q1,Q2 [recoded],BR,BR_OTHER,CH,SPEND,NOTE,submitted_at,channel,language\n' + 'Very good,2,北区,,app;Web,12.5,"a, b",2024-03-05 08:00,branch-1,en\n' + 'N/A,7,_other,Kiosk,,,,,,\n';
		const { outcome, stored } = await run(csv);
		expect(outcome).toMatchObject({ ok: true, rows: 2, encoding: 'utf-8', delimiter: ',' });
		expect(stored[0]).toEqual({
			answers: { Q1: 5, Q2: 6, BR: 'north', CH: ['app', 'web'], SPEND: 12.5, NOTE: 'a, b' },
			submittedAt: Date.UTC(2024, 2, 5, 0, 0),
			channel: 'branch-1',
			language: 'en'
		});
		expect(stored[1]).toEqual({ answers: { Q1: null, Q2: 1, BR: '_other', BR_OTHER: 'Kiosk' }, submittedAt: null, channel: null, language: null });
	});

	it('accepts a BOM, semicolons with decimal commas, tabs and CRLF line ends, whatever the chunk size', async () => {
		for (const size of [1, 3, 64 * 1024]) {
			const semicolon = await run('\uFEFFQ1;SPEND\r\n4;12,5\r\n', size);
			expect(semicolon.outcome).toMatchObject({ ok: true, delimiter: ';' });
			expect(semicolon.stored[0].answers).toEqual({ Q1: 4, SPEND: 12.5 });
			const tab = await run('Q1\tQ2\n3\t4\n', size);
			expect(tab.outcome).toMatchObject({ ok: true, delimiter: '\t' });
		}
	});

	it('reads a GBK file (Excel in China) and its Chinese labels', async () => {
		// "Q1,BR\n很好,北区\n" as GBK bytes: 很 BA DC, 好 BA C3, 北 B1 B1, 区 C7 F8.
		const gbk = new Uint8Array([0x51, 0x31, 0x2c, 0x42, 0x52, 0x0a, 0xba, 0xdc, 0xba, 0xc3, 0x2c, 0xb1, 0xb1, 0xc7, 0xf8, 0x0a]);
		const { outcome, stored } = await run(gbk, 5);
		expect(outcome).toMatchObject({ ok: true, encoding: 'gbk' });
		expect(stored[0].answers).toEqual({ Q1: 5, BR: 'north' });
	});

	it('restores text that an export neutralised, and skips blank lines without renumbering rows', async () => {
		const { outcome, stored } = await run("Q1,NOTE\n\n3,'=1+1\n,,\n9,x\n");
		expect(reasons(outcome)).toEqual(['5:Q1:respond.error.outOfRange']);
		expect(stored).toEqual([]);
		const ok = await run("Q1,NOTE\n3,'=1+1\n");
		expect(ok.stored[0].answers.NOTE).toBe('=1+1');
	});
});

describe('runImport: malformed files store nothing and say why', () => {
	const cases: [string, string | Uint8Array, string[]][] = [
		['an empty file', '', ['1::data.import.empty']],
		['only blank lines', '\n\n', ['1::data.import.empty']],
		['a header without rows (0 valid rows)', 'Q1,Q2\n', ['2::data.import.noRows']],
		['ragged rows, short and long', 'Q1,Q2\n1,2\n3\n4,5,6\n', ['3::data.import.ragged', '4::data.import.ragged']],
		['a duplicated header', 'Q1,Q2,Q1\n1,2,3\n', ['1:Q1:data.import.duplicateHeader']],
		['two headers for one code', 'Q1,q1\n1,2\n', ['1:q1:data.import.duplicateTarget']],
		['an unclosed quote', 'Q1,NOTE\n1,"abc\n2,x\n', ['2::data.import.quotes']],
		['formulas in number columns', 'Q1,SPEND\n=1+1,@SUM(A1)\n', ['2:Q1:respond.error.outOfRange', '2:SPEND:respond.error.notANumber']],
		['a value under an empty header', 'Q1,\n1,x\n', ['2::data.import.valueWithoutHeader']],
		['rows without any answer', 'Q1,channel\n,branch-1\n', ['2::data.import.noAnswers']],
		['bad dates and languages', 'Q1,submitted_at,language\n1,2024-02-30,fr\n', ['2:submitted_at:data.import.badDate', '2:language:data.metadata.unknownLanguage']],
		[
			'times in the future or before 1990, unknown channels',
			'Q1,submitted_at,channel\n1,9999-12-31T00:00:00Z,branch-1\n2,1989-12-31,nope\n',
			['2:submitted_at:data.metadata.future', '3:submitted_at:data.metadata.beforeEarliest', '3:channel:data.metadata.unknownChannel']
		],
		['N/A where the item offers none, unknown options', 'Q2,BR,CH\nN/A,east,app;tv\n', ['2:Q2:respond.error.notApplicableNotOffered', '2:BR:respond.error.notAChoice', '2:CH:respond.error.notAChoice']],
		['a huge cell', `Q1,NOTE\n1,${'x'.repeat(5000)}\n`, ['2:NOTE:respond.error.tooLong']],
		['not UTF-8 nor GBK', new Uint8Array([0x51, 0x31, 0x0a, 0xff, 0xff, 0xff, 0x0a]), ['1::data.import.encoding']],
		['UTF-16', new Uint8Array([0xff, 0xfe, 0x51, 0x00]), ['1::data.import.utf16']],
		['a header that is no answer code', 'Name,Email\nA,b\n', []]
	];
	it.each(cases)('%s', async (_, content, expected) => {
		const { outcome, stored } = await run(content);
		expect(stored).toEqual([]);
		if (expected.length) expect(reasons(outcome)).toEqual(expected);
		else expect(outcome).toMatchObject({ ok: false, kind: 'mapping', unknown: ['Name', 'Email'] });
	});

	it('stops storing at the first bad row, though earlier rows were valid', async () => {
		const { outcome, stored } = await run('Q1\n1\n2\n3\n9\n4\n5\n');
		expect(reasons(outcome)).toEqual(['5:Q1:respond.error.outOfRange']);
		// Batches before the error went to staging; the caller discards them (all or nothing).
		expect(stored.length).toBeLessThanOrEqual(3);
	});

	it('refuses a runaway record (an unclosed quote swallowing the file) in bounded memory', async () => {
		const { outcome } = await run(`Q1,NOTE\n1,"${'y'.repeat(MAX_RECORD_CHARS + 10)}`, 64 * 1024);
		expect(reasons(outcome)).toEqual(['2::data.import.rowTooLong']);
	});

	it('reports at most maxErrors problems and counts them', async () => {
		const bytes = new TextEncoder().encode('Q1\n' + '9\n'.repeat(50));
		const outcome = await runImport(chunks(bytes, 100), target, async () => undefined, { maxErrors: 10 });
		expect(outcome).toMatchObject({ ok: false, kind: 'invalid', errorCount: 10, truncated: true });
	});

	it('uses a remembered mapping for unknown headers, and ignores mapped-away columns', async () => {
		const { outcome, stored } = await run('Zufriedenheit,Name\n4,Anna\n', 7, { Zufriedenheit: 'Q1', Name: '' });
		expect(outcome).toMatchObject({ ok: true, rows: 1 });
		expect(stored[0].answers).toEqual({ Q1: 4 });
	});
});
