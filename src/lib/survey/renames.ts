// Code renames between two drafts, and the draft with every reference following them. A condition
// names earlier answers by item code and choice values by option code; when the researcher renames
// either, the references must move with it rather than point at something that no longer exists.
import { conditionClauses, type Clause, type Condition } from './conditions';
import { EXPECTATION_SUFFIX, PERCEPTION_SUFFIX, type Item, type SurveyDefinition } from './definition';

/** Old code → new code, for items and, per item (by its new code), for its options. */
export interface Renames {
	items: Map<string, string>;
	options: Map<string, Map<string, string>>;
}

const choiceOptions = (item: Item) => (item.kind === 'single' || item.kind === 'multiple' ? item.options : []);

/** What an item is apart from its codes and condition: two items alike here are one item renamed. */
function content(item: Item): string {
	const { code: _code, showIf: _showIf, ...rest } = item;
	return JSON.stringify({ ...rest, options: choiceOptions(item).map((o) => o.label) });
}

const places = (definition: SurveyDefinition) => definition.sections.flatMap((section, si) => section.items.map((item, ii) => ({ item, place: `${si}.${ii}` })));

/**
 * Which vanished item code became which new one: the single new item with the same content, else
 * the new item of the same kind standing where the old one stood. Anything ambiguous is no rename.
 */
function itemRenames(before: SurveyDefinition, after: SurveyDefinition): Map<string, string> {
	const kept = new Set(places(after).map(({ item }) => item.code));
	const old = new Set(places(before).map(({ item }) => item.code));
	const vanished = places(before).filter(({ item }) => !kept.has(item.code));
	const appeared = places(after).filter(({ item }) => !old.has(item.code));
	const renames = new Map<string, string>();
	const taken = new Set<string>();
	for (const gone of vanished) {
		const alike = appeared.filter(({ item }) => content(item) === content(gone.item) && !taken.has(item.code));
		const placed = appeared.filter(({ item, place }) => place === gone.place && item.kind === gone.item.kind && !taken.has(item.code));
		const match = alike.length === 1 ? alike[0] : alike.length === 0 && placed.length === 1 ? placed[0] : undefined;
		if (!match) continue;
		renames.set(gone.item.code, match.item.code);
		taken.add(match.item.code);
	}
	return renames;
}

/** Option renames of one item: an option whose code changed in place, the old code gone and the new one new. */
function optionRenames(before: Item, after: Item): Map<string, string> {
	const was = choiceOptions(before);
	const now = choiceOptions(after);
	const renames = new Map<string, string>();
	was.forEach((option, k) => {
		const next = now[k];
		if (next && next.code !== option.code && !now.some((o) => o.code === option.code) && !was.some((o) => o.code === next.code)) renames.set(option.code, next.code);
	});
	return renames;
}

/** The renames that turn `before` into `after` (items matched by code, or as renamed). */
export function codeRenames(before: SurveyDefinition, after: SurveyDefinition): Renames {
	const items = itemRenames(before, after);
	const previous = new Map(places(before).map(({ item }) => [items.get(item.code) ?? item.code, item]));
	const options = new Map<string, Map<string, string>>();
	for (const { item } of places(after)) {
		const was = previous.get(item.code);
		const renamed = was ? optionRenames(was, item) : new Map<string, string>();
		if (renamed.size > 0) options.set(item.code, renamed);
	}
	return { items, options };
}

/** An answer code (an item's, or one half of a pair's) under its item's new code. */
export function renameAnswerCode(code: string, items: Map<string, string>): string {
	if (items.has(code)) return items.get(code)!;
	for (const suffix of [EXPECTATION_SUFFIX, PERCEPTION_SUFFIX]) {
		const base = code.endsWith(suffix) ? code.slice(0, -suffix.length) : undefined;
		if (base !== undefined && items.has(base)) return items.get(base)! + suffix;
	}
	return code;
}

function renameClause(clause: Clause, renames: Renames): Clause {
	const item = renameAnswerCode(clause.item, renames.items);
	const options = renames.options.get(item);
	const value = <T>(v: T): T => (typeof v === 'string' && options?.has(v) ? (options.get(v) as T) : v);
	if (clause.op === 'equals' || clause.op === 'not') return { ...clause, item, value: value(clause.value) };
	if (clause.op === 'oneOf') return { ...clause, item, values: clause.values.map(value) };
	return { ...clause, item };
}

function renameCondition(condition: Condition | undefined, renames: Renames): Condition | undefined {
	if (!condition) return undefined;
	const clauses = conditionClauses(condition).map((clause) => renameClause(clause, renames));
	return 'all' in condition ? { all: clauses } : { any: clauses };
}

const withCondition = <T extends { showIf?: Condition }>(part: T, renames: Renames): T => (part.showIf ? { ...part, showIf: renameCondition(part.showIf, renames) } : part);

/** The definition with the renames applied to item and option codes and to every condition's references. */
export function applyRenames(definition: SurveyDefinition, renames: Renames): SurveyDefinition {
	if (renames.items.size === 0 && renames.options.size === 0) return definition;
	const renameItem = (item: Item): Item => {
		const code = renames.items.get(item.code) ?? item.code;
		const options = renames.options.get(code);
		const renamed = { ...item, code } as Item;
		if (options && (renamed.kind === 'single' || renamed.kind === 'multiple')) renamed.options = renamed.options.map((o) => ({ ...o, code: options.get(o.code) ?? o.code }));
		return withCondition(renamed, renames);
	};
	return { sections: definition.sections.map((section) => ({ ...withCondition(section, renames), items: section.items.map(renameItem) })) };
}
