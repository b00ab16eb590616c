/**
 * One imported record → one response (answers and metadata), or the errors that keep it out:
 * a ragged record, a value that is not an answer to its item, a date that is none, metadata the
 * survey refuses (see response-metadata.ts), an answer to a question its display condition hides
 * in that record (or a "not shown" mark on one it shows), a record without any answer. Errors are appended to
 * the caller's report with row, column, value.
 */
import { otherCode, validateAnswers, type AnswersResult, type RawAnswers } from '../survey/answers';
import { visibility } from '../survey/conditions';
import type { Answers, Item, SurveyDefinition } from '../survey/definition';
import { isConditional } from '../survey/shown';
import { metadataChecker, type MetadataField, type MetadataInput, type MetadataRules, type ResponseMetadata } from '../survey/response-metadata';
import { cellParser, MISSING, NOT_SHOWN } from './cell-values';
import type { ColumnTarget } from './import-mapping';
import type { CellError, CsvIssue } from './issues';
import { parseTimestamp } from './timestamps';

/** null metadata: not given (the import time and the survey's default language are used). */
export interface ImportedRow extends ResponseMetadata {
	answers: Answers;
}

export interface RowContext {
	definition: SurveyDefinition;
	header: readonly string[];
	columns: readonly ColumnTarget[];
	/** What metadata the survey accepts; its time zone also reads dates written without one. */
	metadata: MetadataRules;
	delimiter: string;
}

/** Reported values are cut to this many characters, so a runaway cell cannot bloat the report. */
export const MAX_REPORTED_VALUE = 200;

const clip = (value: string) => (value.length > MAX_REPORTED_VALUE ? value.slice(0, MAX_REPORTED_VALUE) + '…' : value);

/** What the cells of one record say: metadata, answers, and the columns marked "not shown". */
interface RecordCells {
	given: MetadataInput;
	raw: RawAnswers;
	notShown: number[];
}

type Apply = (record: RecordCells, cell: string, column: number) => CsvIssue | undefined;

function columnApplier(target: ColumnTarget, context: RowContext): Apply | undefined {
	switch (target.kind) {
		case 'ignore':
			return undefined;
		case 'unnamed':
			return (_, cell) => (cell.trim() === '' ? undefined : { code: 'data.import.valueWithoutHeader' });
		case 'answer': {
			const parse = cellParser(target.item, { recoded: target.recoded, decimalComma: context.delimiter === ';', otherText: target.otherText });
			return ({ raw, notShown }, cell, column) => {
				const value = parse(cell);
				if (value === NOT_SHOWN) notShown.push(column);
				else if (value !== MISSING) raw[target.code] = value;
				return undefined;
			};
		}
		case 'meta':
			return metaApplier(target.field, context.metadata.timeZone);
	}
}

/** The items the file answers, with "required" lifted: in historical data an empty cell is a missing answer. */
function answeredItems(columns: readonly ColumnTarget[]): Item[] {
	const items = new Map<string, Item>();
	for (const c of columns) if (c.kind === 'answer' && !items.has(c.item.code)) items.set(c.item.code, { ...c.item, required: false });
	return [...items.values()];
}

/** Reads a metadata cell; whether the survey accepts the value is judged for the whole row. */
function metaApplier(field: MetadataField, timeZone: string): Apply {
	if (field !== 'submittedAt') return ({ given }, cell) => void (given[field] = cell);
	return ({ given }, cell) => {
		const text = cell.trim();
		if (text === '') return undefined;
		const at = parseTimestamp(text, timeZone);
		if (at === undefined) return { code: 'data.import.badDate' };
		given.submittedAt = at;
		return undefined;
	};
}

/** The column of each metadata field the file has, in column order. */
function metadataColumns(columns: readonly ColumnTarget[]): [MetadataField, number][] {
	return columns.flatMap((c, i): [MetadataField, number][] => (c.kind === 'meta' ? [[c.field, i]] : []));
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
 * Where a record disagrees with the display conditions: an answer to a question they hide given
 * the record's earlier answers (unless the answer is refused already), a "not shown" mark on one they show.
 */
function conditionIssues(context: RowContext, record: RecordCells, checked: AnswersResult): [number, CsvIssue][] {
	if (!isConditional(context.definition)) return [];
	const shown = visibility(context.definition, checked.answers);
	const refused = checked.ok ? {} : checked.errors;
	const isShown = (column: number) => {
		const target = context.columns[column];
		return target.kind === 'answer' && shown.items.has(target.item.code);
	};
	const issues: [number, CsvIssue][] = [];
	context.columns.forEach((target, column) => {
		if (target.kind === 'answer' && target.code in record.raw && !(target.code in refused) && !isShown(column)) issues.push([column, { code: 'data.import.answerNotShown' }]);
	});
	for (const column of record.notShown) if (isShown(column)) issues.push([column, { code: 'data.import.shownMarkedNotShown' }]);
	return issues;
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
	const checkMetadata = metadataChecker(context.metadata);
	const metaColumns = metadataColumns(context.columns);
	const width = context.header.length;
	return (cells, rowNumber, errors) => {
		const report = (column: number, issue: CsvIssue) =>
			errors.push({ row: rowNumber, column: context.header[column] ?? '', value: clip(cells[column] ?? ''), reason: issue });
		if (cells.length !== width) {
			errors.push({ row: rowNumber, column: '', value: '', reason: { code: 'data.import.ragged', params: { expected: width, found: cells.length } } });
			return undefined;
		}
		const record: RecordCells = { given: {}, raw: {}, notShown: [] };
		const before = errors.length;
		for (let i = 0; i < width; i++) {
			const issue = appliers[i]?.(record, cells[i], i);
			if (issue) report(i, issue);
		}
		const metadata = checkMetadata(record.given);
		if (!metadata.ok) {
			for (const [field, column] of metaColumns) {
				const issue = metadata.errors[field];
				if (issue) report(column, { code: issue.key, params: issue.params });
			}
		}
		const checked = validateAnswers(context.definition, record.raw, items);
		if (!checked.ok) {
			for (const [code, issue] of Object.entries(checked.errors)) report(columnOf(code), { code: issue.key, params: issue.params });
		}
		for (const [column, issue] of conditionIssues(context, record, checked)) report(column, issue);
		if (errors.length > before || !metadata.ok) return undefined;
		if (Object.keys(checked.answers).length === 0) {
			errors.push({ row: rowNumber, column: '', value: '', reason: { code: 'data.import.noAnswers' } });
			return undefined;
		}
		return { answers: checked.answers, ...metadata.metadata };
	};
}
