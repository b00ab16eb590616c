// Display conditions as form fields, for the designer without JavaScript, and the server's checks
// of every condition a post sets. Fields of the condition on section `s` are named `c{s}.…`, on
// item `i` of it `c{s}.{i}.…`: `mode` (all | any), then per clause `k`: `{k}.item`, `{k}.op`,
// `{k}.was` (the answer and test drawn on the page), `{k}.value`, `{k}.min`, `{k}.max`,
// `{k}.group`, and a box `{k}.in.{value}` per value ticked for "is one of".
import * as v from 'valibot';
import { buildClause, conditionSources, fitsItem, operatorsFor, type ConditionTarget } from './condition-builder';
import { conditionClauses, conditionOperators, npsGroups, type Clause, type Condition, type ConditionValue } from './conditions';
import type { Item, Section, SurveyDefinition } from './definition';
import type { Fields } from './definition-form';

/** Field errors by field name; each error is a message key. */
export type ConditionErrors = Record<string, string>;

/** Name of a field of the condition on `target`. */
export function conditionField(target: ConditionTarget, field: string): string {
	return target.item === undefined ? `c${target.section}.${field}` : `c${target.section}.${target.item}.${field}`;
}

/** Every section and item with where it stands, in questionnaire order. */
function targets(definition: SurveyDefinition): { target: ConditionTarget; code: string; condition?: Condition }[] {
	return definition.sections.flatMap((section, si) => [
		{ target: { section: si }, code: `section:${section.code}`, condition: section.showIf },
		...section.items.map((item, ii) => ({ target: { section: si, item: ii }, code: `item:${item.code}`, condition: item.showIf }))
	]);
}

const numberField = v.pipe(v.string(), v.trim(), v.nonEmpty('designer.condition.numberNeeded'), v.transform(Number), v.finite('designer.condition.numberNeeded'));
const clauseFields = v.object({
	item: v.pipe(v.optional(v.string(), ''), v.trim(), v.nonEmpty('designer.condition.itemNotEarlier')),
	op: v.picklist(conditionOperators, 'designer.condition.opNotForItem')
});

/** A posted value in the item's own terms: a scale point or number as a number, an option code as it is. */
const valueFor = (item: Item, text: string): ConditionValue => (item.kind === 'single' || item.kind === 'multiple' ? text : Number(text));

type Read<T> = { ok: true; value: T } | { ok: false; errors: ConditionErrors };

/** A posted number; a wrong one is an error only when the test it belongs to was on the page (else the clause takes a default). */
function postedNumber(fields: Fields, name: string, strict: boolean, errors: ConditionErrors): number | undefined {
	if (fields[name] === undefined) return undefined;
	const parsed = v.safeParse(numberField, fields[name]);
	if (!parsed.success && strict) errors[name] = parsed.issues[0].message;
	return parsed.success ? parsed.output : undefined;
}

/** What a clause's `was` field holds: the answer and test drawn on the page. */
export const shownClause = (clause: Pick<Clause, 'item' | 'op'>) => `${clause.item} ${clause.op}`;

/** The values a clause was posted with, read strictly when its answer and test are the ones that were shown. */
function postedValues(fields: Fields, name: (f: string) => string, item: Item, clause: Pick<Clause, 'item' | 'op'>, errors: ConditionErrors): Partial<Clause> {
	const strict = fields[name('was')] === shownClause(clause);
	const ticked = Object.keys(fields).filter((key) => key.startsWith(name('in.'))).map((key) => valueFor(item, key.slice(name('in.').length)));
	if (strict && clause.op === 'oneOf' && ticked.length === 0) errors[name('values')] = 'designer.condition.tickOne';
	const choice = item.kind === 'single' || item.kind === 'multiple';
	const value = choice ? fields[name('value')] : postedNumber(fields, name('value'), strict, errors);
	const posted = { value, values: ticked.length > 0 ? ticked : undefined, min: postedNumber(fields, name('min'), strict, errors), max: postedNumber(fields, name('max'), strict, errors), group: fields[name('group')] };
	return Object.fromEntries(Object.entries(posted).filter(([, x]) => x !== undefined)) as Partial<Clause>;
}

/**
 * One clause as posted, fitted to the item it now tests (a new item or test keeps what still
 * fits). Whether that item comes early enough is judged with the other rules of a changed
 * condition (conditionErrors), so a clause stranded by a move can be posted back as it is.
 */
function readClause(fields: Fields, definition: SurveyDefinition, target: ConditionTarget, k: number, current: Clause | undefined): Read<Clause> {
	const name = (field: string) => conditionField(target, `${k}.${field}`);
	const parsed = v.safeParse(clauseFields, { item: fields[name('item')], op: fields[name('op')] });
	if (!parsed.success) return { ok: false, errors: { [name(String(parsed.issues[0].path?.[0]?.key ?? 'item'))]: parsed.issues[0].message } };
	const source = conditionSources(definition, { section: definition.sections.length }).find((s) => s.code === parsed.output.item);
	// A question removed since: its clause stays as it was until it is changed or removed.
	if (!source && current?.item === parsed.output.item) return { ok: true, value: current };
	if (!source) return { ok: false, errors: { [name('item')]: 'designer.condition.itemNotEarlier' } };
	const errors: ConditionErrors = {};
	const previous = postedValues(fields, name, source.item, parsed.output, errors);
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, value: buildClause(source.code, source.item, parsed.output.op, previous) };
}

/** The condition posted for a target, or undefined when its fields were not on the page. */
function readCondition(fields: Fields, definition: SurveyDefinition, target: ConditionTarget, current: Condition | undefined): Read<Condition> | undefined {
	const mode = fields[conditionField(target, 'mode')];
	if (mode === undefined) return undefined;
	const before = current ? conditionClauses(current) : [];
	const clauses: Clause[] = [];
	const errors: ConditionErrors = {};
	for (let k = 0; fields[conditionField(target, `${k}.op`)] !== undefined; k++) {
		const read = readClause(fields, definition, target, k, before[k]);
		if (read.ok) clauses.push(read.value);
		else Object.assign(errors, read.errors);
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, value: mode === 'any' ? { any: clauses } : { all: clauses } };
}

/** The draft with the posted conditions applied (without JavaScript), or the errors beside their fields. */
export function applyConditionFields(definition: SurveyDefinition, fields: Fields): Read<SurveyDefinition> {
	const errors: ConditionErrors = {};
	const read = <T extends Section | Item>(part: T, target: ConditionTarget): T => {
		const posted = readCondition(fields, definition, target, part.showIf);
		if (posted && !posted.ok) Object.assign(errors, posted.errors);
		return posted?.ok ? { ...part, showIf: posted.value } : part;
	};
	const sections = definition.sections.map((section, si) => ({ ...read(section, { section: si }), items: section.items.map((item, ii) => read(item, { section: si, item: ii })) }));
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, value: { sections } };
}

/** Problems of one clause as set: the earlier answer it tests, a test that suits it, values it can take. */
function clauseErrors(clause: Clause, definition: SurveyDefinition, target: ConditionTarget, name: (f: string) => string): ConditionErrors {
	const source = conditionSources(definition, target).find((s) => s.code === clause.item);
	if (!source) return { [name('item')]: 'designer.condition.itemNotEarlier' };
	if (!operatorsFor(source.item).includes(clause.op)) return { [name('op')]: 'designer.condition.opNotForItem' };
	switch (clause.op) {
		case 'equals':
		case 'not':
			return fitsItem(source.item, clause.value) ? {} : { [name('value')]: 'designer.condition.valueNotForItem' };
		case 'oneOf':
			return clause.values.every((value) => fitsItem(source.item, value)) ? {} : { [name('values')]: 'designer.condition.valueNotForItem' };
		case 'between':
			return clause.min <= clause.max ? {} : { [name('max')]: 'designer.condition.minAboveMax' };
		case 'npsGroup':
			return npsGroups.includes(clause.group) ? {} : { [name('group')]: 'designer.condition.opNotForItem' };
		default:
			return {};
	}
}

/**
 * The problems of every condition the post sets or changes (compared with the draft before it):
 * a condition may only test answers given before it, with tests and values that suit them. A
 * condition left as it was is not judged here: moving items can strand one, which the design
 * checks report without blocking the save.
 */
export function conditionErrors(before: SurveyDefinition, after: SurveyDefinition): ConditionErrors {
	const previous = new Map(targets(before).map((entry) => [entry.code, JSON.stringify(entry.condition ?? null)]));
	const errors: ConditionErrors = {};
	for (const { target, code, condition } of targets(after)) {
		if (!condition || previous.get(code) === JSON.stringify(condition)) continue;
		conditionClauses(condition).forEach((clause, k) => Object.assign(errors, clauseErrors(clause, after, target, (f) => conditionField(target, `${k}.${f}`))));
	}
	return errors;
}
