import { beforeEach, describe, expect, it } from 'vitest';
import { formatTextTable } from './text-table';

beforeEach(() => expect.hasAssertions());

describe('formatTextTable', () => {
	it('pads text left-aligned and numbers (with their header) right-aligned under a rule', () => {
		const text = formatTextTable(['Name', 'Value'], [['alpha', '1.5'], ['b', '—'], ['gamma', '-12.25']]);
		expect(text.split('\n')).toEqual(['Name    Value', '─────  ──────', 'alpha     1.5', 'b           —', 'gamma  -12.25']);
	});

	it('keeps a column left-aligned when any cell is text, and fills missing cells', () => {
		const lines = formatTextTable(['A', 'B'], [['1', 'x'], ['22']]).split('\n');
		expect(lines).toEqual([' A  B', '──  ─', ' 1  x', '22']);
	});
});
