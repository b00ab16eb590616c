// Building display conditions without typing codes: which earlier answers a condition may test,
// which tests suit each kind of item, and a clause that fits the answer it tests. The designer
// offers exactly these choices, and the server reads posted choices back through them.
import type { Clause, ConditionOperator, ConditionValue } from './conditions';
import { answerCodes, type Item, type SurveyDefinition } from './definition';

/** What a condition is set on: a section (no `item`) or an item of a section. */
export interface ConditionTarget {
	section: number;
	item?: number;
}

/** An earlier answer a condition may test: its answer code and the item that produces it. */
export interface ConditionSource {
	code: string;
	item: Item;
}

/** The answers given before the target is reached: items of earlier sections, and earlier items of its own section. */
export function conditionSources(definition: SurveyDefinition, target: ConditionTarget): ConditionSource[] {
	return definition.sections.flatMap((section, si) => {
		if (si > target.section || (si === target.section && target.item === undefined)) return [];
		const items = si === target.section ? section.items.slice(0, target.item) : section.items;
		return items.flatMap((item) => answerCodes(item).map((code) => ({ code, item })));
	});
}

const presence: ConditionOperator[] = ['answered', 'notAnswered'];

/** The tests that make sense for an item's answers, the most telling first. */
export function operatorsFor(item: Item): ConditionOperator[] {
	switch (item.kind) {
		case 'single':
		case 'multiple':
			return ['equals', 'oneOf', 'not', ...presence];
		case 'nps':
			return ['npsGroup', 'equals', 'oneOf', 'not', 'lte', 'gte', 'between', ...presence];
		case 'likert':
		case 'rating':
		case 'pair':
			return ['equals', 'oneOf', 'not', 'lte', 'gte', 'between', ...presence];
		case 'number':
			return ['equals', 'not', 'lte', 'gte', 'between', ...presence];
		case 'text':
			return presence;
	}
}

/** The values an answer can take when they can be listed: scale points or option codes. */
export function choicesOf(item: Item): ConditionValue[] | null {
	if ('scale' in item) return Array.from({ length: Math.max(0, item.scale.max - item.scale.min + 1) }, (_, k) => item.scale.min + k);
	if (item.kind === 'single' || item.kind === 'multiple') return item.options.map((o) => o.code);
	return null;
}

/** The numbers an item's answers lie between, as far as they are known. */
function rangeOf(item: Item): { min: number; max: number } {
	if ('scale' in item) return { min: item.scale.min, max: item.scale.max };
	if (item.kind === 'number') return { min: item.min ?? 0, max: item.max ?? Math.max(item.min ?? 0, 100) };
	return { min: 0, max: 0 };
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Whether a value is one the item's answers can take (any number for number items). */
export function fitsItem(item: Item, value: ConditionValue): boolean {
	const choices = choicesOf(item);
	if (choices) return choices.some((choice) => String(choice) === String(value));
	return item.kind === 'number' && isNumber(value);
}

/** The value of the clause before (its value, lower bound or first listed value), when the item can take it. */
function keptValue(item: Item, previous: Partial<Clause>): ConditionValue | undefined {
	const before = 'value' in previous ? previous.value : 'min' in previous ? previous.min : 'values' in previous ? previous.values?.[0] : undefined;
	if (before === undefined || !fitsItem(item, before)) return undefined;
	return choicesOf(item)?.find((choice) => String(choice) === String(before)) ?? before;
}

/**
 * A clause testing `code` (an answer of `item`) with `op`, keeping what still fits of the clause
 * before: the designer calls it when the researcher picks another item or another test.
 */
export function buildClause(code: string, item: Item, op: ConditionOperator, previous: Partial<Clause> = {}): Clause {
	const allowed = operatorsFor(item);
	const chosen = allowed.includes(op) ? op : allowed[0];
	const range = rangeOf(item);
	const kept = keptValue(item, previous);
	const first = kept ?? choicesOf(item)?.[0] ?? range.min;
	const number = isNumber(kept) ? kept : Math.floor((range.min + range.max) / 2);
	switch (chosen) {
		case 'equals':
		case 'not':
			return { item: code, op: chosen, value: first };
		case 'oneOf':
			return { item: code, op: chosen, values: 'values' in previous && previous.values?.every((v) => fitsItem(item, v)) && previous.values.length > 0 ? previous.values : [first] };
		case 'lte':
		case 'gte':
			return { item: code, op: chosen, value: number };
		case 'between':
			return { item: code, op: chosen, min: 'min' in previous && isNumber(previous.min) ? previous.min : range.min, max: 'max' in previous && isNumber(previous.max) ? previous.max : number };
		case 'npsGroup':
			return { item: code, op: chosen, group: 'group' in previous && previous.group ? previous.group : 'detractor' };
		default:
			return { item: code, op: chosen };
	}
}

/** The clause a new condition starts with: the nearest earlier answer, with its most telling test; null when nothing comes earlier. */
export function defaultClause(definition: SurveyDefinition, target: ConditionTarget): Clause | null {
	const source = conditionSources(definition, target).at(-1);
	return source ? buildClause(source.code, source.item, operatorsFor(source.item)[0]) : null;
}
