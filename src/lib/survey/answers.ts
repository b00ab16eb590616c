// Validation of one respondent's answers against a survey version: the same rules run on the
// server (authoritative, for form posts and JSON) and in the browser (inline hints). Pure.
import { usedBrands } from './competitors';
import {
	allItems,
	answerCodes,
	brandAnswerCodes,
	ownAnswerCodes,
	type Answers,
	type AnswerValue,
	type ChoiceItem,
	isScaled,
	type Item,
	type NumberItem,
	type PointScale,
	type SurveyDefinition,
	type TextItem
} from './definition';

/** What a respondent sent, before validation: form fields as strings, JSON values as they came. */
export type RawValue = string | number | boolean | null | undefined | RawValue[];
export type RawAnswers = Record<string, RawValue>;

/** A problem with one answer: a `respond.error.*` message key and its placeholders. */
export interface AnswerIssue {
	key: string;
	params?: Record<string, string | number>;
}
/** Problems keyed by answer code (pair items report on `CODE_E` / `CODE_P`). */
export type AnswerErrors = Record<string, AnswerIssue>;

export type AnswersResult = { ok: true; answers: Answers } | { ok: false; errors: AnswerErrors; answers: Answers };

/** The form value that means "not applicable" on a scale (null in JSON). */
export const NOT_APPLICABLE = 'na';
/** The option code of a choice item's "other" answer; its text goes under `otherCode(item)`. */
export const OTHER_OPTION = '_other';
export const OTHER_MAX_LENGTH = 200;
/** Form fields holding answers are named `a.<answer code>`; everything else in a post is not an answer. */
export const ANSWER_FIELD_PREFIX = 'a.';

/** A form field people never see (hidden from sight and screen readers): only bots fill it. */
export const HONEYPOT_FIELD = 'website';

export const otherCode = (item: Item) => `${item.code}_OTHER`;
export const answerField = (code: string) => ANSWER_FIELD_PREFIX + code;

/** Every form field code an item may post: its answer codes and, for choices with "other", the other text. */
export function itemFieldCodes(item: Item): string[] {
	return (item.kind === 'single' || item.kind === 'multiple') && item.other ? [item.code, otherCode(item)] : answerCodes(item);
}

/** A parsed form post (URLSearchParams or FormData): walked with forEach, many times faster than their iterators in Node. */
export interface FormFields {
	forEach(visit: (value: FormDataEntryValue, name: string) => void): void;
}

/** The answer fields of a form post as raw answers (repeated fields become arrays); other fields are ignored. */
export function rawFromForm(form: FormFields): RawAnswers {
	const raw: Record<string, string | string[]> = {};
	form.forEach((value, name) => {
		if (!name.startsWith(ANSWER_FIELD_PREFIX) || typeof value !== 'string') return;
		const code = name.slice(ANSWER_FIELD_PREFIX.length);
		const previous = raw[code];
		raw[code] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
	});
	return raw;
}

/**
 * Checks the answers to `items` (default: every item of the definition): kinds, ranges, required,
 * choices, decimals and lengths. Unknown codes are ignored; the valid answers are returned either way.
 */
export function validateAnswers(definition: SurveyDefinition, raw: RawAnswers, items: readonly Item[] = allItems(definition)): AnswersResult {
	const answers: Answers = {};
	const errors: AnswerErrors = {};
	const used = usedBrands(definition, definition.competitorScreener && raw[definition.competitorScreener]);
	const take = ([code, outcome]: [string, Outcome]) => {
		if ('issue' in outcome) errors[code] = outcome.issue;
		else if (outcome.value !== undefined) answers[code] = outcome.value;
	};
	for (const item of items) {
		checkItem(item, raw).forEach(take);
		checkBrands(item, raw, used).forEach(take);
	}
	return Object.keys(errors).length ? { ok: false, errors, answers } : { ok: true, answers };
}

type Outcome = { value: AnswerValue | undefined } | { issue: AnswerIssue };
const issue = (key: string, params?: AnswerIssue['params']): Outcome => ({ issue: { key: `respond.error.${key}`, params } });
const skipped = (item: Item): Outcome => (item.required ? issue('required') : { value: undefined });

function checkItem(item: Item, raw: RawAnswers): [string, Outcome][] {
	switch (item.kind) {
		case 'likert':
		case 'rating':
		case 'nps':
		case 'pair':
			return ownAnswerCodes(item).map((code) => [code, checkPoint(item, item.scale, item.notApplicable, raw[code])]);
		case 'single':
		case 'multiple':
			return checkChoice(item, raw);
		case 'number':
			return [[item.code, checkNumber(item, raw[item.code])]];
		case 'text':
			return [[item.code, checkText(item, raw[item.code])]];
	}
}

/**
 * Brand answers: each brand the respondent uses (all, without a screener) is asked like the item,
 * with "don't know this brand" (null) always offered; a rating of a brand they do not use is refused.
 */
function checkBrands(item: Item, raw: RawAnswers, used: ReadonlySet<string> | null): [string, Outcome][] {
	if (!isScaled(item)) return [];
	return brandAnswerCodes(item).map(({ code, brand }) => {
		if (used && !used.has(brand)) return [code, isBlank(raw[code]) ? { value: undefined } : issue('brandNotUsed')];
		return [code, checkPoint(item, item.scale, true, raw[code])];
	});
}

/** A single value from a raw answer; several values where one is expected is malformed. */
function single(value: RawValue): RawValue | 'many' {
	if (!Array.isArray(value)) return value;
	return value.length > 1 ? 'many' : value[0];
}

const isBlank = (value: RawValue) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

function checkPoint(item: Item, scale: PointScale, notApplicable: boolean, rawValue: RawValue): Outcome {
	const value = single(rawValue);
	if (value === 'many') return issue('invalid');
	if (isBlank(value)) return skipped(item);
	if (value === null || value === NOT_APPLICABLE) return notApplicable ? { value: null } : issue('notApplicableNotOffered');
	const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
	if (!Number.isInteger(n) || n < scale.min || n > scale.max) return issue('outOfRange', { min: scale.min, max: scale.max });
	return { value: n };
}

function checkChoice(item: ChoiceItem, raw: RawAnswers): [string, Outcome][] {
	const given = raw[item.code];
	const values = (Array.isArray(given) ? given : isBlank(given) ? [] : [given]).map((v) => (typeof v === 'string' ? v.trim() : v));
	if (item.kind === 'single' && values.length > 1) return [[item.code, issue('invalid')]];
	if (values.length === 0) return [[item.code, skipped(item)]];
	const known = new Set(item.options.map((o) => o.code));
	if (item.other) known.add(OTHER_OPTION);
	if (!values.every((v) => typeof v === 'string' && known.has(v))) return [[item.code, issue('notAChoice')]];
	const codes = [...new Set(values as string[])];
	const result: [string, Outcome][] = [[item.code, { value: item.kind === 'single' ? codes[0] : codes }]];
	if (codes.includes(OTHER_OPTION)) {
		const other = typeof raw[otherCode(item)] === 'string' ? (raw[otherCode(item)] as string).trim() : '';
		if (!other) result.push([otherCode(item), issue('otherRequired')]);
		else if ([...other].length > OTHER_MAX_LENGTH) result.push([otherCode(item), issue('tooLong', { max: OTHER_MAX_LENGTH })]);
		else result.push([otherCode(item), { value: other }]);
	}
	return result;
}

const NUMBER_PATTERN = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

function checkNumber(item: NumberItem, rawValue: RawValue): Outcome {
	const value = single(rawValue);
	if (value === 'many' || typeof value === 'boolean' || Array.isArray(value)) return issue('invalid');
	// Respondents type thousands separators and full-width digits; both mean the obvious number.
	const text = typeof value === 'number' ? String(value) : (value ?? '').normalize('NFKC').replace(/[,\s]/g, '');
	if (value === null || text === '') return skipped(item);
	if (typeof value === 'number' ? !Number.isFinite(value) : !NUMBER_PATTERN.test(text)) return issue('notANumber');
	const n = Number(text);
	const decimals = text.includes('.') ? text.split('.')[1].replace(/0+$/, '').length : 0;
	if (decimals > item.decimals) return issue(item.decimals === 0 ? 'wholeNumber' : 'tooManyDecimals', { decimals: item.decimals });
	if (item.min !== undefined && n < item.min) return issue(item.max === undefined ? 'tooSmall' : 'numberRange', { min: item.min, max: item.max ?? '' });
	if (item.max !== undefined && n > item.max) return issue(item.min === undefined ? 'tooLarge' : 'numberRange', { min: item.min ?? '', max: item.max });
	return { value: n };
}

function checkText(item: TextItem, rawValue: RawValue): Outcome {
	const value = single(rawValue);
	if (value === 'many' || (value !== undefined && value !== null && typeof value !== 'string')) return issue('invalid');
	// Control characters other than line breaks never belong in an answer.
	// eslint-disable-next-line no-control-regex
	let text = (value ?? '').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '').trim();
	if (!item.multiline) text = text.replace(/\n+/g, ' ');
	if (text === '') return skipped(item);
	if ([...text].length > item.maxLength) return issue('tooLong', { max: item.maxLength });
	return { value: text };
}
