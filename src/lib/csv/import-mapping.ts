/**
 * Which column of an imported file feeds which answer code or metadata field: headers that are
 * answer codes (any case) map themselves, exported metadata names are recognised, the survey's
 * remembered mapping covers the rest; what is left is "unknown" and needs the mapping screen.
 */
import { otherCode } from '../survey/answers';
import { allItems, answerCodes, type Item, type SurveyDefinition } from '../survey/definition';
import type { MetadataField } from '../survey/response-metadata';
import { EXPORTED_METADATA, IMPORTED_METADATA, RECODED_SUFFIX } from './columns';
import type { CellError } from './issues';

export type ColumnTarget =
	/** `otherText`: the free text of a choice item's "other" answer (code `<item>_OTHER`). */
	| { kind: 'answer'; code: string; item: Item; recoded: boolean; otherText: boolean }
	| { kind: 'meta'; field: MetadataField }
	/** Deliberately left out (an export-only metadata column, or mapped to "ignore"). */
	| { kind: 'ignore' }
	/** An empty header cell: the column must stay empty (Excel's trailing separators). */
	| { kind: 'unnamed' };

/** Remembered choices per survey: header → answer code, or IGNORE. */
export type SavedMapping = Record<string, string>;
export const IGNORE = '';

export type ColumnPlan =
	| { ok: true; columns: ColumnTarget[] }
	| { ok: false; unknown: string[]; errors: CellError[] };

export interface AnswerTarget {
	item: Item;
	otherText: boolean;
}

/** Answer codes of a definition (pair items give two, "other" texts one more), each with its item, in questionnaire order. */
export function answerTargets(definition: SurveyDefinition): Map<string, AnswerTarget> {
	const targets = new Map<string, AnswerTarget>();
	for (const item of allItems(definition)) {
		for (const code of answerCodes(item)) targets.set(code, { item, otherText: false });
		if ((item.kind === 'single' || item.kind === 'multiple') && item.other) targets.set(otherCode(item), { item, otherText: true });
	}
	return targets;
}

const answer = (code: string, target: AnswerTarget, recoded: boolean): ColumnTarget => ({ kind: 'answer', code, ...target, recoded });

function targetFor(header: string, byCode: Map<string, AnswerTarget>, byLowerCode: Map<string, string>, saved: SavedMapping): ColumnTarget | undefined {
	if (header === '') return { kind: 'unnamed' };
	const recoded = header.endsWith(RECODED_SUFFIX);
	const name = recoded ? header.slice(0, -RECODED_SUFFIX.length).trim() : header;
	const code = byCode.has(name) ? name : byLowerCode.get(name.toLowerCase());
	if (code) return answer(code, byCode.get(code)!, recoded);
	const lower = header.toLowerCase();
	if (lower in IMPORTED_METADATA) return { kind: 'meta', field: IMPORTED_METADATA[lower as keyof typeof IMPORTED_METADATA] };
	if ((EXPORTED_METADATA as readonly string[]).includes(lower)) return { kind: 'ignore' };
	if (header in saved) {
		const mapped = saved[header];
		if (mapped === IGNORE) return { kind: 'ignore' };
		if (byCode.has(mapped)) return answer(mapped, byCode.get(mapped)!, false);
	}
	return undefined;
}

const headerError = (column: string, code: `data.${string}`, params?: Record<string, string | number>): CellError => ({
	row: 1,
	column,
	value: column,
	reason: { code, params }
});

/**
 * Plans the columns of a header row against a survey definition and its saved mapping. Fails with
 * the unknown headers (to map) and with header errors: a duplicated header, two columns for one
 * answer code, or a header row without any answer column.
 */
export function planColumns(header: readonly string[], definition: SurveyDefinition, saved: SavedMapping = {}): ColumnPlan {
	const byCode = answerTargets(definition);
	const byLowerCode = new Map([...byCode.keys()].map((code) => [code.toLowerCase(), code]));
	const columns: ColumnTarget[] = [];
	const unknown: string[] = [];
	const errors: CellError[] = [];
	const seenHeaders = new Set<string>();
	const seenTargets = new Map<string, string>();
	for (const cell of header) {
		const duplicate = cell !== '' && seenHeaders.has(cell);
		if (duplicate) errors.push(headerError(cell, 'data.import.duplicateHeader'));
		seenHeaders.add(cell);
		const target = targetFor(cell, byCode, byLowerCode, saved);
		if (!target) {
			unknown.push(cell);
			columns.push({ kind: 'ignore' });
			continue;
		}
		const key = target.kind === 'answer' ? target.code : target.kind === 'meta' ? `meta:${target.field}` : undefined;
		if (key && seenTargets.has(key) && !duplicate) {
			errors.push(headerError(cell, 'data.import.duplicateTarget', { other: seenTargets.get(key)!, target: key.replace(/^meta:/, '') }));
		}
		if (key) seenTargets.set(key, cell);
		columns.push(target);
	}
	if (unknown.length === 0 && errors.length === 0 && !columns.some((c) => c.kind === 'answer')) {
		errors.push(headerError(header.join(', '), 'data.import.noAnswerColumns'));
	}
	if (unknown.length || errors.length) return { ok: false, unknown, errors };
	return { ok: true, columns };
}
