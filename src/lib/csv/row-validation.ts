/**
 * One imported record → one response (answers and metadata), or the errors that keep it out:
 * a ragged record, a value that is not an answer to its item, a bad date, language or channel,
 * a record without any answer. Errors are appended to the caller's report with row, column, value.
 */
import { otherCode, validateAnswers, type RawAnswers } from '../survey/answers';
import type { Answers, Item, SurveyDefinition, SurveyLanguage } from '../survey/definition';
import { cellParser, MISSING } from './cell-values';
import type { ColumnTarget } from './import-mapping';
import type { CellError, CsvIssue } from './issues';
import { parseTimestamp } from './timestamps';

export interface ImportedRow {
	answers: Answers;
	/** null: not given (the import time is used). */
	submittedAt: number | null;
	channel: string | null;
	/** null: not given (the survey's default language is used). */
	language: SurveyLanguage | null;
}

export interface RowContext {
	definition: SurveyDefinition;
	header: readonly string[];
	columns: readonly ColumnTarget[];
	/** The survey's time zone, for dates without one. */
	timeZone: string;
	languages: readonly SurveyLanguage[];
	delimiter: string;
}

export const MAX_CHANNEL_LENGTH = 100;
/** Reported values are cut to this many characters, so a runaway cell cannot bloat the report. */
export const MAX_REPORTED_VALUE = 200;

const clip = (value: string) => (value.length > MAX_REPORTED_VALUE ? value.slice(0, MAX_REPORTED_VALUE) + '…' : value);

type Apply = (row: ImportedRow, cell: string, raw: RawAnswers) => CsvIssue | undefined;

function languageOf(text: string, languages: readonly SurveyLanguage[]): SurveyLanguage | undefined {
	const lower = text.toLowerCase();
	return languages.find((l) => l.toLowerCase() === lower || l.split('-')[0].toLowerCase() === lower);
}

function columnApplier(target: ColumnTarget, context: RowContext): Apply | undefined {
	switch (target.kind) {
		case 'ignore':
			return undefined;
		case 'unnamed':
			return (_, cell) => (cell.trim() === '' ? undefined : { code: 'data.import.valueWithoutHeader' });
		case 'answer': {
			const parse = cellParser(target.item, { recoded: target.recoded, decimalComma: context.delimiter === ';', otherText: target.otherText });
			return (_, cell, raw) => {
				const value = parse(cell);
				if (value !== MISSING) raw[target.code] = value;
				return undefined;
			};
		}
		case 'meta':
			return metaApplier(target.field, context);
	}
}

/** The items the file answers, with "required" lifted: in historical data an empty cell is a missing answer. */
function answeredItems(columns: readonly ColumnTarget[]): Item[] {
	const items = new Map<string, Item>();
	for (const c of columns) if (c.kind === 'answer' && !items.has(c.item.code)) items.set(c.item.code, { ...c.item, required: false });
	return [...items.values()];
}

function metaApplier(field: 'submittedAt' | 'channel' | 'language', context: RowContext): Apply {
	if (field === 'submittedAt') {
		return (row, cell) => {
			const text = cell.trim();
			if (text === '') return undefined;
			const at = parseTimestamp(text, context.timeZone);
			if (at === undefined) return { code: 'data.import.badDate' };
			row.submittedAt = at;
			return undefined;
		};
	}
	if (field === 'channel') {
		return (row, cell) => {
			const text = cell.trim();
			if (text.length > MAX_CHANNEL_LENGTH) return { code: 'data.import.tooLong', params: { max: MAX_CHANNEL_LENGTH } };
			row.channel = text === '' ? null : text;
			return undefined;
		};
	}
	return (row, cell) => {
		const text = cell.trim();
		if (text === '') return undefined;
		const language = languageOf(text, context.languages);
		if (!language) return { code: 'data.import.badLanguage', params: { languages: context.languages.join(', ') } };
		row.language = language;
		return undefined;
	};
}

/** Column of each answer code, for reporting the validation's per-code issues; an "other" text falls back to its item's column. */
function columnOfCode(context: RowContext): (code: string) => number {
	const byCode = new Map<string, number>();
	context.columns.forEach((c, i) => {
		if (c.kind === 'answer' && !byCode.has(c.code)) byCode.set(c.code, i);
	});
	const itemColumn = new Map<string, number>();
	context.columns.forEach((c, i) => {
		if (c.kind === 'answer' && !c.otherText && !itemColumn.has(otherCode(c.item))) itemColumn.set(otherCode(c.item), i);
	});
	return (code) => byCode.get(code) ?? itemColumn.get(code) ?? -1;
}

/**
 * A validator for the records of one file: returns the response of a record, or undefined after
 * appending its errors (every bad cell of the record, not just the first) to `errors`. Values are
 * checked by validateAnswers, the questionnaire's own rules.
 */
export function rowValidator(context: RowContext): (cells: readonly string[], rowNumber: number, errors: CellError[]) => ImportedRow | undefined {
	const appliers = context.columns.map((target) => columnApplier(target, context));
	const items = answeredItems(context.columns);
	const columnOf = columnOfCode(context);
	const width = context.header.length;
	return (cells, rowNumber, errors) => {
		const report = (column: number, issue: CsvIssue) =>
			errors.push({ row: rowNumber, column: context.header[column] ?? '', value: clip(cells[column] ?? ''), reason: issue });
		if (cells.length !== width) {
			errors.push({ row: rowNumber, column: '', value: '', reason: { code: 'data.import.ragged', params: { expected: width, found: cells.length } } });
			return undefined;
		}
		const row: ImportedRow = { answers: {}, submittedAt: null, channel: null, language: null };
		const raw: RawAnswers = {};
		const before = errors.length;
		for (let i = 0; i < width; i++) {
			const issue = appliers[i]?.(row, cells[i], raw);
			if (issue) report(i, issue);
		}
		const checked = validateAnswers(context.definition, raw, items);
		if (!checked.ok) {
			for (const [code, issue] of Object.entries(checked.errors)) report(columnOf(code), { code: issue.key, params: issue.params });
		}
		if (errors.length > before) return undefined;
		if (Object.keys(checked.answers).length === 0) {
			errors.push({ row: rowNumber, column: '', value: '', reason: { code: 'data.import.noAnswers' } });
			return undefined;
		}
		row.answers = checked.answers;
		return row;
	};
}
