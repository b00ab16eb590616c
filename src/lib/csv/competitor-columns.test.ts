import { beforeEach, describe, expect, it } from 'vitest';
import { competitorTestDefinition as definition } from '../survey/test-competitors';
import { runImport, type ImportOutcome } from './import-pipeline';
import { exportItems, responseCsv, type ExportedResponse, type ResponseExportOptions } from './response-export';
import type { ImportedRow } from './row-validation';
import { csvTestMetadata } from './test-survey';

beforeEach(() => {
	expect.hasAssertions();
});

const responses: ExportedResponse[] = [
	{ id: 'r1', versionNumber: 1, language: 'zh-CN', channel: null, source: 'web', submittedAt: Date.UTC(2026, 10, 2), durationMs: null, answers: { USED: ['bank-b', 'bank-c'], RES1: 4, 'RES1@bank-b': 3, 'RES1@bank-c': null, 'REL1@bank-b': 5, 'REL1@bank-c': 2 } },
	{ id: 'r2', versionNumber: 1, language: 'en', channel: null, source: 'web', submittedAt: Date.UTC(2026, 10, 3), durationMs: null, answers: { USED: ['bank-c'], RES1: 2, 'RES1@bank-c': 5 } }
];

const options: ResponseExportOptions = { values: 'codes', coding: 'raw', metadata: ['submitted_at', 'language'], language: 'en' };

async function importCsv(text: string): Promise<{ outcome: ImportOutcome; stored: ImportedRow[] }> {
	const bytes = new TextEncoder().encode(text);
	const stored: ImportedRow[] = [];
	const target = { definition, mapping: {}, metadata: { ...csvTestMetadata, now: Date.UTC(2026, 11, 2) } };
	const outcome = await runImport((async function* () { yield bytes; })(), target, async (rows) => void stored.push(...rows));
	return { outcome, stored };
}

describe('competitor columns', () => {
	it('are exported one per brand, "don\'t know" as N/A, and import back to the same answers', async () => {
		const { header, row } = responseCsv(exportItems([definition]), options, 'Asia/Shanghai');
		const text = header + responses.map(row).join('');
		expect(text.split('\r\n')[0]).toBe('submitted_at,language,USED,RES1,RES1@bank-b,RES1@bank-c,REL1@bank-b,REL1@bank-c');
		expect(text.split('\r\n')[1]).toBe('2026-11-02T08:00:00.000+08:00,zh-CN,"bank-b;bank-c",4,3,N/A,5,2');
		const { outcome, stored } = await importCsv(text);
		expect(outcome.ok).toBe(true);
		expect(stored.map((r) => r.answers)).toEqual(responses.map((r) => r.answers));
	});

	it('refuse a whole file when a row rates a brand its respondent never used, saying where', async () => {
		const { outcome, stored } = await importCsv('USED,RES1,RES1@bank-b,RES1@bank-c\nbank-b,4,3,\nbank-b,4,3,5\n');
		expect(outcome.ok).toBe(false);
		expect(outcome.ok ? [] : outcome.kind === 'invalid' ? outcome.errors.map((e) => `${e.row}:${e.column}:${e.reason.code}`) : []).toEqual(['3:RES1@bank-c:respond.error.brandNotUsed']);
		expect(stored).toEqual([]);
	});
});
