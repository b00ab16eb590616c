// "Not shown" (a display condition hid the question) apart from "not answered" (an empty cell):
// written by both exports, read back by the import, and checked against the conditions per row.
import { beforeEach, describe, expect, it } from 'vitest';
import { runImport, type ImportOutcome } from './import-pipeline';
import { exportItems, responseCsv, type ExportedResponse, type ResponseExportOptions } from './response-export';
import type { ImportedRow } from './row-validation';
import { csvConditionalDefinition, csvTestDefinition, csvTestMetadata } from './test-survey';

beforeEach(() => {
	expect.hasAssertions();
});

const response = (id: string, answers: ExportedResponse['answers'], versionNumber = 1): ExportedResponse => ({
	id,
	versionNumber,
	language: 'zh-CN',
	channel: null,
	source: 'web',
	submittedAt: Date.UTC(2025, 0, 1),
	durationMs: null,
	answers
});
// A detractor who waited; a promoter (asked nothing more); a detractor who gave no reason.
const responses = [response('r1', { NPS: 3, WHY: 'wait', MINUTES: 20 }), response('r2', { NPS: 9 }), response('r3', { NPS: 5 })];
const codes: ResponseExportOptions = { values: 'codes', coding: 'raw', metadata: [], language: 'en' };
const versions = new Map([[1, csvConditionalDefinition]]);

function csv(options: ResponseExportOptions, rows = responses): string[] {
	const { header, row } = responseCsv(exportItems([csvConditionalDefinition]), options, 'Asia/Shanghai', versions);
	return (header + rows.map(row).join('')).split('\r\n');
}

async function importCsv(text: string): Promise<{ outcome: ImportOutcome; stored: ImportedRow[] }> {
	const stored: ImportedRow[] = [];
	const bytes = new TextEncoder().encode(text);
	const target = { definition: csvConditionalDefinition, mapping: {}, metadata: csvTestMetadata };
	const outcome = await runImport((async function* () { yield bytes; })(), target, async (rows) => void stored.push(...rows));
	return { outcome, stored };
}

describe('not shown in exports', () => {
	it('marks every column of a hidden question NOT_SHOWN in codes and leaves an unanswered shown one empty', () => {
		expect(csv(codes)).toEqual(['NPS,WHY,WHY_OTHER,MINUTES', '3,wait,,20', '9,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN', '5,,,NOT_SHOWN', '']);
	});

	it('writes a localised mark in labels', () => {
		expect(csv({ ...codes, values: 'labels', language: 'zh-CN' })[2]).toBe('9,（未显示）,（未显示）,（未显示）');
		expect(csv({ ...codes, values: 'labels', language: 'en' })[2]).toBe('9,(not shown),(not shown),(not shown)');
	});

	it('leaves a question empty for a response to a version that did not have it or that is unknown', () => {
		const { header, row } = responseCsv(exportItems([csvConditionalDefinition]), codes, 'Asia/Shanghai', new Map([[1, { sections: [csvConditionalDefinition.sections[0]] }]]));
		expect(header + row(response('r2', { NPS: 9 })) + row(response('r9', { NPS: 9 }, 7))).toBe('NPS,WHY,WHY_OTHER,MINUTES\r\n9,NOT_SHOWN,NOT_SHOWN,\r\n9,,,\r\n');
	});
});

describe('not shown in imports', () => {
	it.each([
		['codes', codes],
		['labels in 中文', { ...codes, values: 'labels', language: 'zh-CN' } as ResponseExportOptions],
		['labels in English', { ...codes, values: 'labels', language: 'en' } as ResponseExportOptions]
	])('imports an export in %s back to the same answers', async (_, options) => {
		const { outcome, stored } = await importCsv(csv(options).join('\r\n'));
		expect(outcome).toMatchObject({ ok: true, rows: 3 });
		expect(stored.map((r) => r.answers)).toEqual(responses.map((r) => r.answers));
	});

	it('reads the mark in any case and with plain brackets', async () => {
		const { outcome, stored } = await importCsv('NPS,WHY,WHY_OTHER,MINUTES\n10,not_shown,(未显示),  (Not Shown) \n');
		expect(outcome).toMatchObject({ ok: true });
		expect(stored[0].answers).toEqual({ NPS: 10 });
	});

	it('reports an answer to a question hidden in its row and a mark on one shown there, once per cell', async () => {
		const rows = ['NPS,WHY,WHY_OTHER,MINUTES', '9,wait,,', '3,NOT_SHOWN,,', '2,rude,,15', '10,bogus,,', '1,wait,,NOT_SHOWN'];
		const { outcome, stored } = await importCsv(rows.join('\n'));
		expect(stored).toEqual([]);
		expect(outcome.ok || outcome.kind !== 'invalid' ? outcome : outcome.errors.map((e) => `${e.row}:${e.column}:${e.reason.code}`)).toEqual([
			'2:WHY:data.import.answerNotShown',
			'3:WHY:data.import.shownMarkedNotShown',
			'4:MINUTES:data.import.answerNotShown',
			'5:WHY:respond.error.notAChoice',
			'6:MINUTES:data.import.shownMarkedNotShown'
		]);
	});

	it('keeps a free-text answer that reads like the mark as text, apostrophes and all', async () => {
		const texts = ['(not shown)', "'NOT_SHOWN", '（未显示）'];
		const { header, row } = responseCsv(exportItems([csvTestDefinition]), { ...codes, metadata: [] }, 'Asia/Shanghai');
		const file = header + texts.map((text, i) => row({ ...response(`t${i}`, { Q2: 4, BR: '_other', BR_OTHER: text, NOTE: text }) })).join('');
		expect(file.split('\r\n')[1]).toBe(",4,_other,'(not shown),,,'(not shown)");
		const stored: ImportedRow[] = [];
		const target = { definition: csvTestDefinition, mapping: {}, metadata: csvTestMetadata };
		const bytes = new TextEncoder().encode(file);
		expect(await runImport((async function* () { yield bytes; })(), target, async (rows) => void stored.push(...rows))).toMatchObject({ ok: true, rows: 3 });
		expect(stored.map((r) => [r.answers.BR_OTHER, r.answers.NOTE])).toEqual(texts.map((text) => [text, text]));
	});
});
