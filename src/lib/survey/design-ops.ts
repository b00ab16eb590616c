// Edits of a questionnaire draft as data: the designer applies them in the browser (with undo) and
// the server applies the same ones when a button is pressed without JavaScript.
import { defaultClause, type ConditionTarget } from './condition-builder';
import { conditionClauses, type Condition } from './conditions';
import type { Item, ItemKind, LocalText, Section, SurveyDefinition } from './definition';
import { bankItem } from './templates/question-bank';

export type DesignOp =
	| { type: 'moveItem'; section: number; item: number; delta: -1 | 1 }
	| { type: 'dropItem'; section: number; item: number; toSection: number; toItem: number }
	| { type: 'removeItem'; section: number; item: number }
	| { type: 'addItem'; section: number; kind: ItemKind }
	| { type: 'addBank'; section: number; id: string }
	| { type: 'changeKind'; section: number; item: number; kind: ItemKind }
	| { type: 'addOption'; section: number; item: number }
	| { type: 'removeOption'; section: number; item: number; option: number }
	| { type: 'addSection' }
	| { type: 'removeSection'; section: number }
	| { type: 'moveSection'; section: number; delta: -1 | 1 }
	| ({ type: 'setCondition'; condition: Condition } & ConditionTarget)
	| ({ type: 'removeCondition' } & ConditionTarget)
	| ({ type: 'addClause' } & ConditionTarget)
	| ({ type: 'removeClause'; clause: number } & ConditionTarget);

export const itemKinds: ItemKind[] = ['likert', 'rating', 'nps', 'pair', 'single', 'multiple', 'number', 'text'];

const agreeEnds = { min: { 'zh-CN': '非常不同意', en: 'Strongly disagree' }, max: { 'zh-CN': '非常同意', en: 'Strongly agree' } };
const zeroTenEnds = { min: { 'zh-CN': '完全不可能', en: 'Not at all likely' }, max: { 'zh-CN': '极有可能', en: 'Extremely likely' } };

/** A first code `prefix<n>` not used by any item or answer code (case-insensitive). */
export function freeCode(definition: SurveyDefinition, prefix: string, taken: (d: SurveyDefinition) => string[] = usedCodes): string {
	const used = new Set(taken(definition).map((c) => c.toLowerCase()));
	let n = 1;
	while (used.has(`${prefix}${n}`.toLowerCase())) n++;
	return `${prefix}${n}`;
}

function usedCodes(definition: SurveyDefinition): string[] {
	return definition.sections.flatMap((s) => s.items.flatMap((i) => [i.code, `${i.code}_E`, `${i.code}_P`]));
}

/** A new item of a kind, keeping what carries over (code, text, indicator, required). */
export function newItem(kind: ItemKind, code: string, from?: Item): Item {
	const base = { code, text: from?.text ?? ({} as LocalText), required: from?.required ?? true, ...(from?.indicator && { indicator: from.indicator }) };
	const scaled = { reversed: false, notApplicable: false };
	switch (kind) {
		case 'likert':
			return { ...base, kind, ...scaled, scale: { min: 1, max: 5, endLabels: structuredClone(agreeEnds) } };
		case 'rating':
		case 'nps':
			return { ...base, kind, ...scaled, scale: { min: 0, max: 10, endLabels: structuredClone(zeroTenEnds) } };
		case 'pair':
			return { ...base, kind, ...scaled, expectationText: {}, perceptionText: {}, scale: { min: 1, max: 7, endLabels: structuredClone(agreeEnds) } };
		case 'single':
		case 'multiple':
			return { ...base, kind, options: [{ code: 'A1', label: {} }, { code: 'A2', label: {} }] };
		case 'number':
			return { ...base, kind, decimals: 0, min: 0, unit: {} };
		case 'text':
			return { ...base, kind, required: false, maxLength: 2000, multiline: true };
	}
}

function withSection(definition: SurveyDefinition, index: number, change: (section: Section) => Section): SurveyDefinition {
	return { ...definition, sections: definition.sections.map((s, i) => (i === index ? change(s) : s)) };
}

function withItem(definition: SurveyDefinition, section: number, item: number, change: (item: Item) => Item): SurveyDefinition {
	return withSection(definition, section, (s) => ({ ...s, items: s.items.map((it, i) => (i === item ? change(it) : it)) }));
}

function moveItem(definition: SurveyDefinition, from: { s: number; i: number }, to: { s: number; i: number }): SurveyDefinition {
	const moving = definition.sections[from.s]?.items[from.i];
	if (!moving || !definition.sections[to.s]) return definition;
	const sections = definition.sections.map((s, index) => ({ ...s, items: index === from.s ? s.items.filter((_, i) => i !== from.i) : [...s.items] }));
	const target = sections[to.s].items;
	target.splice(Math.max(0, Math.min(to.i, target.length)), 0, moving);
	return { ...definition, sections };
}

/** One step up or down; past a section's edge the item joins the neighbouring section. */
function stepItem(definition: SurveyDefinition, s: number, i: number, delta: -1 | 1): SurveyDefinition {
	const count = definition.sections[s]?.items.length ?? 0;
	const next = i + delta;
	if (next >= 0 && next < count) return moveItem(definition, { s, i }, { s, i: next });
	const neighbour = s + delta;
	if (!definition.sections[neighbour]) return definition;
	return moveItem(definition, { s, i }, { s: neighbour, i: delta < 0 ? definition.sections[neighbour].items.length : 0 });
}

function moveSection(definition: SurveyDefinition, index: number, delta: -1 | 1): SurveyDefinition {
	const target = index + delta;
	if (!definition.sections[index] || !definition.sections[target]) return definition;
	const sections = [...definition.sections];
	[sections[index], sections[target]] = [sections[target], sections[index]];
	return { ...definition, sections };
}

type ConditionOpType = 'setCondition' | 'removeCondition' | 'addClause' | 'removeClause';

/** The draft with the condition of a section or item replaced (`undefined` removes it). */
function withCondition(definition: SurveyDefinition, target: ConditionTarget, condition: Condition | undefined): SurveyDefinition {
	const change = <T extends Section | Item>(part: T): T => {
		const { showIf: _, ...rest } = part;
		return (condition ? { ...rest, showIf: condition } : rest) as T;
	};
	if (target.item === undefined) return withSection(definition, target.section, change);
	return withItem(definition, target.section, target.item, change);
}

function conditionOf(definition: SurveyDefinition, target: ConditionTarget): Condition | undefined {
	const section = definition.sections[target.section];
	return target.item === undefined ? section?.showIf : section?.items[target.item]?.showIf;
}

/** Another clause, testing the nearest earlier answer; a condition with it when there was none. */
function addClause(definition: SurveyDefinition, target: ConditionTarget): SurveyDefinition {
	const clause = defaultClause(definition, target);
	if (!clause) return definition;
	const current = conditionOf(definition, target);
	const condition = !current ? { all: [clause] } : 'all' in current ? { all: [...current.all, clause] } : { any: [...current.any, clause] };
	return withCondition(definition, target, condition);
}

/** Without a clause; without the condition once its last clause goes (no clause left would mean "always" or "never"). */
function removeClause(definition: SurveyDefinition, target: ConditionTarget, index: number): SurveyDefinition {
	const current = conditionOf(definition, target);
	if (!current) return definition;
	const left = conditionClauses(current).filter((_, k) => k !== index);
	if (left.length === 0) return withCondition(definition, target, undefined);
	return withCondition(definition, target, 'all' in current ? { all: left } : { any: left });
}

function conditionOp(definition: SurveyDefinition, op: Extract<DesignOp, { type: ConditionOpType }>): SurveyDefinition {
	const target: ConditionTarget = { section: op.section, ...(op.item !== undefined && { item: op.item }) };
	switch (op.type) {
		case 'setCondition':
			return withCondition(definition, target, op.condition);
		case 'removeCondition':
			return withCondition(definition, target, undefined);
		case 'addClause':
			return addClause(definition, target);
		case 'removeClause':
			return removeClause(definition, target, op.clause);
	}
}

/** The draft after one edit; unchanged when the edit points at nothing. */
export function applyDesignOp(definition: SurveyDefinition, op: DesignOp): SurveyDefinition {
	switch (op.type) {
		case 'moveItem':
			return stepItem(definition, op.section, op.item, op.delta);
		case 'dropItem':
			return moveItem(definition, { s: op.section, i: op.item }, { s: op.toSection, i: op.toItem });
		case 'removeItem':
			return withSection(definition, op.section, (s) => ({ ...s, items: s.items.filter((_, i) => i !== op.item) }));
		case 'addItem':
			return withSection(definition, op.section, (s) => ({ ...s, items: [...s.items, newItem(op.kind, freeCode(definition, 'Q'))] }));
		case 'addBank': {
			const item = bankItem(op.id);
			if (!item) return definition;
			const taken = new Set(usedCodes(definition).map((c) => c.toLowerCase()));
			const code = taken.has(item.code.toLowerCase()) ? freeCode(definition, item.code) : item.code;
			return withSection(definition, op.section, (s) => ({ ...s, items: [...s.items, { ...item, code }] }));
		}
		case 'changeKind':
			return withItem(definition, op.section, op.item, (item) => (item.kind === op.kind ? item : newItem(op.kind, item.code, item)));
		case 'addOption':
			return withItem(definition, op.section, op.item, (item) =>
				item.kind === 'single' || item.kind === 'multiple'
					? { ...item, options: [...item.options, { code: freeOptionCode(item.options.map((o) => o.code)), label: {} }] }
					: item
			);
		case 'removeOption':
			return withItem(definition, op.section, op.item, (item) =>
				item.kind === 'single' || item.kind === 'multiple' ? { ...item, options: item.options.filter((_, i) => i !== op.option) } : item
			);
		case 'addSection': {
			const code = freeCode(definition, 'S', (d) => d.sections.map((s) => s.code));
			return { ...definition, sections: [...definition.sections, { code, title: {}, items: [] }] };
		}
		case 'removeSection':
			return { ...definition, sections: definition.sections.filter((_, i) => i !== op.section) };
		case 'moveSection':
			return moveSection(definition, op.section, op.delta);
		case 'setCondition':
		case 'removeCondition':
		case 'addClause':
		case 'removeClause':
			return conditionOp(definition, op);
	}
}

function freeOptionCode(codes: string[]): string {
	let n = codes.length + 1;
	while (codes.includes(`A${n}`)) n++;
	return `A${n}`;
}

/** The edits a button stands for (a whole condition is posted as fields instead, see condition-form.ts). */
export type ButtonOp = Exclude<DesignOp, { type: 'setCondition' }>;

// `item?` is left empty for a condition on a section itself.
const opShapes: Record<ButtonOp['type'], string[]> = {
	moveItem: ['section', 'item', 'delta'],
	dropItem: ['section', 'item', 'toSection', 'toItem'],
	removeItem: ['section', 'item'],
	addItem: ['section', 'kind'],
	addBank: ['section', 'id'],
	changeKind: ['section', 'item', 'kind'],
	addOption: ['section', 'item'],
	removeOption: ['section', 'item', 'option'],
	addSection: [],
	removeSection: ['section'],
	moveSection: ['section', 'delta'],
	removeCondition: ['section', 'item?'],
	addClause: ['section', 'item?'],
	removeClause: ['section', 'item?', 'clause']
};

/** An edit as a button value, e.g. `moveItem:0:3:-1` (for the form that works without JavaScript). */
export function encodeOp(op: ButtonOp): string {
	const record = op as unknown as Record<string, string | number | undefined>;
	return [op.type, ...opShapes[op.type].map((key) => record[key.replace('?', '')] ?? '')].join(':');
}

function decodePart(key: string, text: string): string | number | undefined | null {
	if (key === 'kind') return itemKinds.includes(text as ItemKind) ? text : null;
	if (key === 'id') return text;
	if (key.endsWith('?') && text === '') return undefined;
	const n = Number(text);
	if (text === '' || !Number.isInteger(n) || (key === 'delta' && n !== 1 && n !== -1)) return null;
	return n;
}

/** The edit a button value stands for, or null when it is not one. */
export function decodeOp(value: string): ButtonOp | null {
	const [type, ...parts] = value.split(':');
	const shape = Object.hasOwn(opShapes, type) ? opShapes[type as ButtonOp['type']] : undefined;
	if (!shape || parts.length !== shape.length) return null;
	const op: Record<string, string | number> = { type };
	for (const [index, key] of shape.entries()) {
		const part = decodePart(key, parts[index]);
		if (part === null) return null;
		if (part !== undefined) op[key.replace('?', '')] = part;
	}
	return op as unknown as ButtonOp;
}
