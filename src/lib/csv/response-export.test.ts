import { beforeEach, describe, expect, it } from 'vitest';
import { runImport } from './import-pipeline';
import type { ImportedRow } from './row-validation';
import { exportItems, exportOptionsFrom, responseCsv, type ExportedResponse, type ResponseExportOptions } from './response-export';
import { csvTestDefinition, csvTestMetadata } from './test-survey';

beforeEach(() => {
	expect.hasAssertions();
});

const responses: ExportedResponse[] = [
	{ id: 'r1', versionNumber: 1, language: 'en', channel: 'branch-1', source: 'web', submittedAt: Date.UTC(2024, 0, 2, 3, 4, 5, 678), durationMs: 61500, answers: { Q1: 5, Q2: 2, BR: 'north', CH: ['app', 'web'], SPEND: 12.5, NOTE: '=cmd|"x"' } },
	{ id: 'r2', versionNumber: 1, language: 'zh-CN', channel: null, source: 'import', submittedAt: Date.UTC(2024, 5, 1), durationMs: null, answers: { Q1: null, Q2: 7, BR: '_other', BR_OTHER: '自助机, 大堂' } }
];

const all: ResponseExportOptions = { values: 'codes', coding: 'raw', metadata: ['response_id', 'submitted_at', 'channel', 'language', 'version', 'source', 'duration_s'], language: 'en' };

function csv(options: ResponseExportOptions): string {
	const { header, row } = responseCsv(exportItems([csvTestDefinition]), options, 'Asia/Shanghai');
	return header + responses.map(row).join('');
}

describe('response export', () => {
	it('writes metadata (times in the survey’s zone), then one column per answer code, codes and numbers as given', () => {
		const lines = csv(all).split('\r\n');
		expect(lines[0]).toBe('response_id,submitted_at,channel,language,version,source,duration_s,Q1,Q2,BR,BR_OTHER,CH,SPEND,NOTE');
		expect(lines[1]).toBe(`r1,2024-01-02T11:04:05.678+08:00,branch-1,en,1,web,61.5,5,2,north,,"app;web",12.5,"'=cmd|""x"""`);
		expect(lines[2]).toBe('r2,2024-06-01T08:00:00.000+08:00,,zh-CN,1,import,,N/A,7,_other,"自助机, 大堂",,,');
	});

	it('writes labels in the chosen language and reverse-codes reversed items, saying so in the header', () => {
		const lines = csv({ ...all, values: 'labels', coding: 'recoded', metadata: [], language: 'zh-CN' }).split('\r\n');
		expect(lines[0]).toBe('Q1,Q2 [recoded],BR,BR_OTHER,CH,SPEND,NOTE');
		expect(lines[1]).toBe(`很好,6,北区,,"手机银行;网银",12.5,"'=cmd|""x"""`);
	});

	it.each([
		['codes, raw', all],
		['labels, reverse-coded', { ...all, values: 'labels', coding: 'recoded', language: 'zh-CN' } as ResponseExportOptions]
	])('imports back to the same answers and metadata (%s)', async (_, options) => {
		const bytes = new TextEncoder().encode('\uFEFF' + csv(options));
		const stored: ImportedRow[] = [];
		const target = { definition: csvTestDefinition, mapping: {}, metadata: csvTestMetadata };
		const outcome = await runImport((async function* () { yield bytes; })(), target, async (rows) => void stored.push(...rows));
		expect(outcome.ok).toBe(true);
		expect(stored.map((r) => r.answers)).toEqual(responses.map((r) => r.answers));
		expect(stored.map((r) => [r.submittedAt, r.channel, r.language])).toEqual(responses.map((r) => [r.submittedAt, r.channel, r.language]));
	});

	it('reads options from query fields with safe defaults', () => {
		const params = new URLSearchParams('values=labels&coding=recoded&metadata=channel,bogus&lang=en');
		expect(exportOptionsFrom(params, 'zh-CN')).toEqual({ values: 'labels', coding: 'recoded', metadata: ['channel'], language: 'en' });
		expect(exportOptionsFrom(new URLSearchParams('values=x&lang=fr'), 'zh-CN')).toMatchObject({ values: 'codes', coding: 'raw', language: 'zh-CN', metadata: all.metadata });
	});
});

describe('response export across versions', () => {
	const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });
	const five = ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'].map((en, i) => t(en, ['从不', '很少', '有时', '经常', '总是'][i]));
	const waited = (max: number, labels?: typeof five) => ({ code: 'WAIT', kind: 'likert' as const, text: t('Waited long', '等待久'), required: true, scale: { min: 1, max, labels }, reversed: true, notApplicable: false });
	const v1 = { sections: [{ code: 'S', title: t('S', 'S'), items: [waited(5, five)] }] };
	const v2 = { sections: [{ code: 'S', title: t('S', 'S'), items: [waited(7)] }] };
	const versions = new Map([[1, v1], [2, v2]]);
	const answer = (id: string, versionNumber: number, WAIT: number): ExportedResponse => ({ id, versionNumber, language: 'en', channel: null, source: 'web', submittedAt: 0, durationMs: null, answers: { WAIT } });
	const rows = [answer('a', 1, 4), answer('b', 2, 4), answer('c', 2, 2)];
	const exported = (options: Partial<ResponseExportOptions>) => {
		const { header, row } = responseCsv(exportItems([v1, v2]), { ...all, metadata: ['response_id'], ...options }, 'UTC', versions);
		return (header + rows.map(row).join('')).trim().split('\r\n');
	};

	it('reverse-codes each answer on its own version’s scale: 4 of 5 points is 2, 4 and 2 of 7 points are 4 and 6', () => {
		expect(exported({ coding: 'recoded' })).toEqual(['response_id,WAIT [recoded]', 'a,2', 'b,4', 'c,6']);
	});

	it('labels each answer with its own version’s point labels, raw or recoded', () => {
		expect(exported({ values: 'labels' })).toEqual(['response_id,WAIT', 'a,Often', 'b,4', 'c,2']);
		expect(exported({ values: 'labels', coding: 'recoded', language: 'zh-CN' })).toEqual(['response_id,WAIT [recoded]', 'a,很少', 'b,4', 'c,6']);
	});

	it('keeps raw codes as answered', () => {
		expect(exported({})).toEqual(['response_id,WAIT', 'a,4', 'b,4', 'c,2']);
	});
});
