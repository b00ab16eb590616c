// The SPSS syntax and the R script beside the CSV export, run for real: GNU PSPP reads the exported
// CSV through the .sps, R through the .R, and both must show our variable and value labels (in
// Chinese), keep "not applicable" and "not shown" apart from answers, and give the report's means.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { engines, useTestDb } from './databases';
import { conditionalDataDefinition, createDataSurvey, importText } from './data-fixtures';
import { reportMissing } from '../prerequisites';
import { buildSurveyReport } from '../../src/lib/server/analysis/report';
import { analystFile } from '../../src/lib/server/data/analyst-files';
import { responseCsvChunks, responsesFileName } from '../../src/lib/server/data/export-service';
import type { ResponseExportOptions } from '../../src/lib/csv/response-export';
import type { Survey } from '../../src/lib/server/repo/surveys';

const has = (tool: string) => spawnSync('/bin/sh', ['-c', `command -v ${tool}`]).status === 0;
const tools = has('pspp') && has('Rscript');
if (!tools) reportMissing('pspp or Rscript', 'apt-get install pspp r-base-core', 'the SPSS syntax and R script checks');

beforeEach(() => {
	expect.hasAssertions();
});

// Q1 has an N/A; the pair is shown only after Q2 ≥ 5, "about you" only after Q1 of 1–3.
const rows = [
	'Q1,Q2,G1_E,G1_P,BR,BR_OTHER,CH,SPEND,NOTE',
	'2,6,6,5,north,,app;web,120.5,太慢了',
	'3,2,NOT_SHOWN,NOT_SHOWN,_other,自助机,desk,80,=1+1',
	'1,7,5,3,south,,,,-7',
	'N/A,5,6,6,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN',
	'5,1,,,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN',
	'4,3,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN'
];
const options: ResponseExportOptions = { values: 'codes', coding: 'recoded', metadata: ['response_id', 'submitted_at', 'version', 'duration_s'], language: 'zh-CN' };

describe.skipIf(!tools).each(engines)('SPSS syntax and R script on %s', (engine) => {
	const db = useTestDb(engine);
	const dir = mkdtempSync(path.join(tmpdir(), 'satindex-analyst-'));
	let survey: Survey;
	let means: Record<string, number>;
	afterAll(() => (process.env.KEEP ? undefined : rmSync(dir, { recursive: true, force: true })));

	beforeAll(async () => {
		survey = await createDataSurvey(db.db, undefined, conditionalDataDefinition);
		const imported = await importText(db.db, survey, rows.join('\n'));
		if (!imported.ok) throw new Error(JSON.stringify(imported));
		let csv = '';
		for await (const chunk of responseCsvChunks(db.db, survey, options)) csv += chunk;
		writeFileSync(path.join(dir, responsesFileName(survey, 'csv')), csv);
		for (const format of ['sps', 'R'] as const) {
			const file = await analystFile(db.db, survey, options, format);
			writeFileSync(path.join(dir, file.fileName), file.text);
		}
		const report = await buildSurveyReport(db.db, survey.id, { from: null, to: null, channels: [], segment: {}, unit: 'quarter' });
		means = Object.fromEntries(report!.model.items.map((i) => [i.code, i.mean!]));
	});

	it('PSPP reads the CSV with labels, missing-value codes and levels, and gives the report’s means', () => {
		const syntax = path.join(dir, 'check.sps');
		const commands = ['SET TVARS=NAMES.', 'DESCRIPTIVES Q1 Q2 G1_E G1_P SPEND /STATISTICS=MEAN.', 'FREQUENCIES BR NOTE.', 'DISPLAY DICTIONARY.'];
		writeFileSync(syntax, `INCLUDE FILE='${responsesFileName(survey, 'sps')}'.\n${commands.join('\n')}\n`);
		const run = spawnSync('pspp', ['-O', 'format=csv', syntax], { cwd: dir, encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.stdout).not.toMatch(/error|warning/i);
		const out = run.stdout.split('\n');
		for (const code of ['Q1', 'Q2', 'G1_E', 'G1_P', 'SPEND']) {
			const line = out.find((l) => l.startsWith(`${code},`))!;
			expect(Number(line.split(',')[2]), code).toBeCloseTo(code === 'SPEND' ? 100.25 : means[code], 2);
		}
		expect(out).toContain('Q1,5,员工很友好,Ordinal,Input,8,Right,F12.0,F12.0,-9; -8; -7');
		expect(out).toContain('Q2,6,我等了很久 (已反向计分),Ordinal,Input,8,Right,F12.0,F12.0,-9; -8; -7');
		expect(out).toContain('SPEND,12,月消费,Scale,Input,8,Right,F12.2,F12.2,-9; -8; -7');
		expect(out.filter((l) => /^BR,\d+,网点,Nominal/.test(l))).toHaveLength(1);
		// Frequencies of the branch: labelled options, and three rows "not shown", counted as missing.
		expect(out).toEqual(expect.arrayContaining(['Valid,北区,1,16.7%,33.3%,33.3%', ',其他,1,16.7%,33.3%,100.0%', 'Missing,未显示,3,50.0%,,']));
		expect(out).toEqual(expect.arrayContaining([',-8[a],不适用', ',1,很差', ',5,很好']));
		// Free text as answered (the export's formula guard taken back, unless the text would read as a missing code).
		expect(out).toEqual(expect.arrayContaining(['Valid,\'-7,1,16.7%,33.3%,33.3%', ',=1+1,1,16.7%,33.3%,66.7%', 'Missing,未显示,3,50.0%,,']));
	});

	it('R reads the CSV into labelled numbers and factors and gives the report’s means', () => {
		const script = [
			`source("${responsesFileName(survey, 'R')}", encoding = "UTF-8")`,
			'for (code in c("Q1", "Q2", "G1_E", "G1_P", "SPEND")) cat(code, sprintf("%.10f", mean(d[[code]], na.rm = TRUE)), "\\n", sep = "\\t")',
			'cat("label", attr(d$Q2, "label"), "\\n", sep = "\\t")',
			'cat("points", names(attr(d$Q1, "labels")), "\\n", sep = "\\t")',
			'cat("branch", as.character(d$BR), "\\n", sep = "\\t")',
			'cat("why", as.character(attr(d$BR, "na_reason")), "\\n", sep = "\\t")',
			'cat("q1why", as.character(attr(d$Q1, "na_reason")), "\\n", sep = "\\t")',
			'cat("note", d$NOTE[1:2], "\\n", sep = "\\t")',
			'cat("note3", d$NOTE[3], "\\n", sep = "\\t")'
		].join('\n');
		const run = spawnSync('Rscript', ['-e', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
		expect(run.stderr).toBe('');
		const lines = Object.fromEntries(run.stdout.split('\n').filter(Boolean).map((l) => { const [key, ...rest] = l.split('\t'); return [key, rest.slice(0, -1)]; }));
		for (const code of ['Q1', 'Q2', 'G1_E', 'G1_P']) expect(Number(lines[code][0]), code).toBeCloseTo(means[code], 9);
		expect(Number(lines.SPEND[0])).toBeCloseTo(100.25, 9);
		expect(lines.label).toEqual(['我等了很久 (已反向计分)']);
		expect(lines.points).toEqual(['很差', '差', '一般', '好', '很好']);
		expect(lines.branch).toEqual(['北区', '其他', '南区', 'NA', 'NA', 'NA']);
		expect(lines.why).toEqual(['NA', 'NA', 'NA', '未显示', '未显示', '未显示']);
		expect(lines.q1why).toEqual(['NA', 'NA', 'NA', '不适用', 'NA', 'NA']);
		expect(lines.note).toEqual(['太慢了', '=1+1']);
		expect(lines.note3).toEqual(['-7']);
	});
});
