import { beforeEach, describe, expect, it } from 'vitest';
import { analystVariables, type AnalystWords } from './analyst-variables';
import { answerColumns, exportItems, type ResponseExportOptions } from './response-export';
import { rScript } from './r-script';
import { spssSyntax } from './spss-syntax';
import { csvTestDefinition } from './test-survey';
import type { SurveyDefinition } from '../survey/definition';

beforeEach(() => {
	expect.hasAssertions();
});

const words: AnalystWords = { notShown: 'not shown', notApplicable: 'n/a', notAnswered: 'not answered', recoded: 'recoded', expectation: 'expected', perception: 'got', other: 'other' };
const options: ResponseExportOptions = { values: 'codes', coding: 'recoded', metadata: ['response_id', 'duration_s'], language: 'en' };
const variables = (definition: SurveyDefinition = csvTestDefinition) => analystVariables(options.metadata, answerColumns(exportItems([definition]), options), 'en', words);

describe('analyst variables', () => {
	it('follow the export’s columns: names, labels, measurement levels, value labels', () => {
		const byName = Object.fromEntries(variables().map((v) => [v.name, v]));
		expect(variables().map((v) => [v.name, v.header, v.type, v.level])).toEqual([
			['response_id', 'response_id', 'text', 'nominal'],
			['duration_s', 'duration_s', 'number', 'scale'],
			['Q1', 'Q1', 'number', 'ordinal'],
			['Q2', 'Q2 [recoded]', 'number', 'ordinal'],
			['BR', 'BR', 'choice', 'nominal'],
			['BR_OTHER', 'BR_OTHER', 'text', 'nominal'],
			['CH', 'CH', 'text', 'nominal'],
			['SPEND', 'SPEND', 'number', 'scale'],
			['NOTE', 'NOTE', 'text', 'nominal']
		]);
		expect(byName.Q2.label).toBe('Waited long (recoded)');
		expect(byName.Q1.values.map((v) => [v.value, v.label])).toEqual([[1, 'Very poor'], [2, 'Poor'], [3, 'Fair'], [4, 'Good'], [5, 'Very good']]);
		expect(byName.BR.values).toEqual([{ value: 1, code: 'north', label: 'North' }, { value: 2, code: 'south', label: 'South' }, { value: 3, code: '_other', label: 'other' }]);
		expect(byName.BR_OTHER.label).toBe('Branch: other');
		expect(byName.response_id.missing).toBeNull();
		expect(byName.SPEND.decimals).toBe(1);
	});

	it('give missing-value codes below every valid value, and names SPSS and R both accept', () => {
		const t = { en: 'x', 'zh-CN': 'x' };
		const definition: SurveyDefinition = {
			sections: [{ code: 'S', title: t, items: [
				{ code: 'DEBT', kind: 'number', text: t, required: false, min: -50, decimals: 0 },
				{ code: 'ANY', kind: 'number', text: t, required: false, decimals: 0 },
				{ code: '1st-q', kind: 'number', text: t, required: false, min: 0, decimals: 0 },
				{ code: 'with', kind: 'number', text: t, required: false, min: 0, decimals: 0 },
				{ code: 'WITH_', kind: 'number', text: t, required: false, min: 0, decimals: 0 }
			] }]
		};
		const list = analystVariables([], answerColumns(exportItems([definition]), options), 'en', words);
		expect(list.map((v) => v.name)).toEqual(['DEBT', 'ANY', 'V1st_q', 'with_', 'WITH__2']);
		expect(list.map((v) => v.missing)).toEqual([
			{ notShown: -51, notApplicable: -52, notAnswered: -53 },
			{ notShown: -999991, notApplicable: -999992, notAnswered: -999993 },
			...new Array(3).fill({ notShown: -7, notApplicable: -8, notAnswered: -9 })
		]);
	});
});

describe('SPSS syntax', () => {
	const syntax = spssSyntax(variables(), { csvFile: "it's.csv", title: 'Bank (B1)' }, words);

	it('reads every column in the CSV’s order, recoding marks and option codes into numbers', () => {
		expect(syntax.startsWith('* Encoding: UTF-8.\n')).toBe(true);
		expect(syntax).toContain("  /FILE='it''s.csv'");
		expect(syntax).toContain('    response_id A64\n    duration_s F12.3\n    raw.3 A64\n    raw.4 A64\n    raw.5 A64\n    BR_OTHER A603\n    CH A27\n    raw.8 A64\n    NOTE A153.');
		expect(syntax).toContain("RECODE raw.3 ('NOT_SHOWN'=-7) ('N/A'=-8) (' '=-9) (CONVERT) INTO Q1.");
		expect(syntax).toContain("RECODE raw.5 ('north'=1) ('south'=2) ('_other'=3) ('NOT_SHOWN'=-7) (' '=-9) (ELSE=SYSMIS) INTO BR.");
		expect(syntax).toContain("RECODE NOTE ('NOT_SHOWN'='-7') (' '='-9').\nIF (SUBSTR(NOTE, 1, 1) = \"'\" AND INDEX(\"'=+-@\", SUBSTR(NOTE, 2, 1)) > 0 AND SUBSTR(NOTE, 2) <> '-7' AND SUBSTR(NOTE, 2) <> '-9') NOTE = SUBSTR(NOTE, 2).");
		expect(syntax).toContain('MATCH FILES /FILE=* /KEEP=response_id duration_s Q1 Q2 BR BR_OTHER CH SPEND NOTE.');
	});

	it('labels variables and values, declares missing values and measurement levels', () => {
		expect(syntax).toContain("VARIABLE LABELS\n   Q1 'Friendly'\n  /Q2 'Waited long (recoded)'");
		expect(syntax).toContain("  /BR 1 'North' 2 'South' 3 'other' -7 'not shown' -9 'not answered'\n");
		expect(syntax).toContain("  /NOTE '-7' 'not shown' '-9' 'not answered'.");
		expect(syntax).toContain("MISSING VALUES\n   Q1 (-9, -8, -7)\n");
		expect(syntax).toContain("  /CH ('-7', '-9')\n");
		expect(syntax).toContain('VARIABLE LEVEL\n   response_id (NOMINAL)\n  /duration_s (SCALE)\n  /Q1 (ORDINAL)');
		expect(syntax.trimEnd().endsWith('EXECUTE.')).toBe(true);
	});

	it('clips labels to SPSS’s byte limits without splitting a character', () => {
		const long = variables({ sections: [{ code: 'S', title: { en: 'S', 'zh-CN': 'S' }, items: [{ code: 'T', kind: 'text', text: { en: '很'.repeat(100), 'zh-CN': '很' }, required: false, maxLength: 10, multiline: false }] }] });
		const label = spssSyntax(long, { csvFile: 'x.csv', title: 'x' }, words).match(/VARIABLE LABELS\n {3}T '([^']*)'/)![1];
		expect(label).toBe('很'.repeat(83));
	});
});

describe('R script', () => {
	it('checks the header, then builds each column with its labels, as R string literals', () => {
		const script = rScript(variables(), { csvFile: 'a "b".csv', title: 'Bank' }, words);
		expect(script).toContain('raw <- read.csv("a \\"b\\".csv", fileEncoding = "UTF-8-BOM"');
		expect(script).toContain('header <- c("response_id", "duration_s", "Q1", "Q2 [recoded]", "BR", "BR_OTHER", "CH", "SPEND", "NOTE")');
		expect(script).toContain('d[["Q1"]] <- as_points(raw[[3]], "Friendly", setNames(c(1, 2, 3, 4, 5), c("Very poor", "Poor", "Fair", "Good", "Very good")))');
		expect(script).toContain('d[["BR"]] <- as_choice(raw[[5]], "Branch", c("north", "south", "_other"), c("North", "South", "other"))');
		expect(script).toContain('d[["duration_s"]] <- as.numeric(raw[[2]])');
		expect(script).toContain('reasons <- c("not shown", "n/a", "not answered")');
	});
});
