import { beforeEach, describe, expect, it } from 'vitest';
import { expectFail, expectOk } from '../stats/test-util';
import { numericColumns, parseCell, readTable, recodedColumns } from './read-table';

beforeEach(() => expect.hasAssertions());

describe('readTable', () => {
	it.each([
		['comma', 'a,b,c\n1,2,3\n4,,6\n', ','],
		['semicolon', 'a;b;c\n1;2;3\n4;;6\n', ';'],
		['tab', 'a\tb\tc\n1\t2\t3\n4\t\t6\n', '\t'],
		['comma with BOM and CRLF', '\uFEFFa,b,c\r\n1,2,3\r\n4,,6\r\n', ',']
	])('reads a %s-separated file', (_, text, delimiter) => {
		const table = expectOk(readTable(text));
		expect(table.columns).toEqual(['a', 'b', 'c']);
		expect(table.delimiter).toBe(delimiter);
		expect(expectOk(numericColumns(table, ['c', 'b']))).toEqual([[3, 2], [6, null]]);
	});

	it('trims header cells, skips blank lines and pads short rows with missing cells', () => {
		const table = expectOk(readTable(' a , b \n\n1,2\n3\n\n'));
		expect(table.columns).toEqual(['a', 'b']);
		expect(expectOk(numericColumns(table, ['a', 'b']))).toEqual([[1, 2], [3, null]]);
	});

	it('ignores extra columns, whatever they hold', () => {
		const table = expectOk(readTable('id,q1,gender\n"r1",5,"female"\n"r2",4,male\n'));
		expect(expectOk(numericColumns(table, ['q1']))).toEqual([[5], [4]]);
	});

	it('fails on an empty file and on an unclosed quote', () => {
		expectFail(readTable(''), 'stats.analyze.csvEmpty');
		expectFail(readTable('\uFEFF\n\n'), 'stats.analyze.csvEmpty');
		expect(expectFail(readTable('a,b\n1,2\n"3,4\n'), 'stats.analyze.csvQuotes')).toHaveProperty('row');
	});
});

describe('numericColumns', () => {
	const table = expectOk(readTable('q1,q2,q2,note\n1,2,3,x\n4,five,6,y\n'));

	it('names the row (as a spreadsheet counts it), column and value of a non-number', () => {
		expect(expectFail(numericColumns(table, ['q1', 'note']), 'stats.analyze.csvNotNumber')).toEqual({ row: 2, column: 'note', value: 'x' });
	});

	it('fails on a column that is absent or appears twice', () => {
		expect(expectFail(numericColumns(table, ['q9']), 'stats.analyze.unknownItem')).toEqual({ item: 'q9' });
		expect(expectFail(numericColumns(table, ['q2']), 'stats.analyze.csvDuplicateColumn')).toEqual({ column: 'q2' });
	});

	it('reads an export’s reverse-coded column for its item and says which items come recoded', () => {
		const exported = expectOk(readTable('q1,q2 [recoded]\n1,4\n2,NOT_SHOWN\n'));
		expect(expectOk(numericColumns(exported, ['q1', 'q2']))).toEqual([[1, 4], [2, null]]);
		expect(recodedColumns(exported, ['q1', 'q2'])).toEqual(['q2']);
	});
});

describe('parseCell', () => {
	it.each([
		['7', ',', 7],
		[' 7.5 ', ',', 7.5],
		['', ',', null],
		['   ', ';', null],
		['7,5', ';', 7.5],
		['7,5', ',', undefined],
		['NA', ',', null],
		['n/a', ',', null],
		['不适用', ',', null],
		['NOT_SHOWN', ',', null],
		['（未显示）', ',', null],
		['NOT_SHOWN_', ',', undefined],
		['Infinity', ',', undefined]
	])('%j with delimiter %j → %j', (cell, delimiter, expected) => {
		expect(parseCell(cell, delimiter)).toBe(expected);
	});
});
