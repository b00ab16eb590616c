/**
 * What an imported cell says, in the terms the answer validation of src/lib/survey/answers.ts
 * understands: point labels (any language) become points, reverse-coded columns are turned back,
 * N/A becomes null, option labels become option codes, a multiple-choice cell becomes a list,
 * a decimal comma becomes a point in semicolon files, a "not shown" mark is told apart from an answer. Whether the value is allowed (range,
 * options, decimals, length) is then decided by that same validation the questionnaire uses.
 * Parsers are built once per column, so a million rows cost one closure call per cell.
 */
import type { RawValue } from '../survey/answers';
import { OTHER_OPTION } from '../survey/answers';
import type { ChoiceItem, Item, ScaledItem } from '../survey/definition';
import { isNotShownMark, MULTIPLE_SEPARATORS, NOT_APPLICABLE, readFreeText } from './columns';
import { restoreNeutralised } from './export-encoding';

/** An empty cell: the answer is left out (historical data has gaps; "required" is not enforced). */
export const MISSING = Symbol('missing');

/** A cell marking a question not shown to the respondent: no answer, and its condition must agree. */
export const NOT_SHOWN = Symbol('not shown');

export type CellParser = (cell: string) => RawValue | typeof MISSING | typeof NOT_SHOWN;
type ValueParser = (cell: string) => RawValue | typeof MISSING;

const notApplicable = new Set(NOT_APPLICABLE.map((t) => t.toLowerCase()));
const WHOLE = /^[-+]?\d+$/;

function labelLookup(texts: { [language: string]: string | undefined }[], values: (string | number)[]): Map<string, string | number> {
	const lookup = new Map<string, string | number>();
	texts.forEach((text, i) => {
		for (const label of Object.values(text)) if (label) lookup.set(label.trim().toLowerCase(), values[i]);
	});
	return lookup;
}

function scaledParser(item: ScaledItem, recoded: boolean): ValueParser {
	const { min, max } = item.scale;
	const labels = labelLookup(item.scale.labels ?? [], Array.from({ length: max - min + 1 }, (_, i) => min + i));
	const reverse = recoded && item.reversed;
	return (cell) => {
		const text = cell.trim();
		if (text === '') return MISSING;
		const lower = text.toLowerCase();
		if (notApplicable.has(lower)) return null;
		const value = WHOLE.test(text) ? Number(text) : labels.get(lower);
		if (value === undefined) return text;
		return reverse ? min + max - (value as number) : value;
	};
}

function choiceParser(item: ChoiceItem): ValueParser {
	const codes = item.options.map((o) => o.code);
	if (item.other) codes.push(OTHER_OPTION);
	const lookup = labelLookup(item.options.map((o) => o.label), codes);
	for (const code of codes) lookup.set(code.toLowerCase(), code);
	const exact = new Set(codes);
	const find = (text: string) => (exact.has(text) ? text : ((lookup.get(text.toLowerCase()) as string | undefined) ?? text));
	if (item.kind === 'single') {
		return (cell) => {
			const text = cell.trim();
			return text === '' ? MISSING : find(text);
		};
	}
	return (cell) => {
		const parts = cell.split(MULTIPLE_SEPARATORS).map((p) => p.trim()).filter((p) => p !== '');
		return parts.length === 0 ? MISSING : parts.map(find);
	};
}

function textParser(): ValueParser {
	return (cell) => {
		const text = readFreeText(restoreNeutralised(cell.trim()));
		return text === '' ? MISSING : text;
	};
}

interface ParserOptions {
	recoded: boolean;
	decimalComma: boolean;
	otherText?: boolean;
}

/** The parser for one column feeding `item`; `recoded` when the column holds reverse-coded values (undone here). */
export function cellParser(item: Item, options: ParserOptions): CellParser {
	const parse = valueParser(item, options);
	return (cell) => (isNotShownMark(cell) ? NOT_SHOWN : parse(cell));
}

function valueParser(item: Item, options: ParserOptions): ValueParser {
	if (options.otherText) return textParser();
	switch (item.kind) {
		case 'likert':
		case 'rating':
		case 'nps':
		case 'pair':
			return scaledParser(item, options.recoded);
		case 'single':
		case 'multiple':
			return choiceParser(item);
		case 'number':
			return (cell) => {
				const text = cell.trim();
				if (text === '') return MISSING;
				return options.decimalComma ? text.replace(',', '.') : text;
			};
		case 'text':
			return textParser();
	}
}
