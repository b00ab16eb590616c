// Edits of a questionnaire draft as data: the designer applies them in the browser (with undo) and
// the server applies the same ones when a button is pressed without JavaScript.
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
	| { type: 'moveSection'; section: number; delta: -1 | 1 };

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
	return { sections: definition.sections.map((s, i) => (i === index ? change(s) : s)) };
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
	return { sections };
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
	return { sections };
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
			return { sections: [...definition.sections, { code, title: {}, items: [] }] };
		}
		case 'removeSection':
			return { sections: definition.sections.filter((_, i) => i !== op.section) };
		case 'moveSection':
			return moveSection(definition, op.section, op.delta);
	}
}

function freeOptionCode(codes: string[]): string {
	let n = codes.length + 1;
	while (codes.includes(`A${n}`)) n++;
	return `A${n}`;
}

const opShapes: Record<DesignOp['type'], string[]> = {
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
	moveSection: ['section', 'delta']
};

/** An edit as a button value, e.g. `moveItem:0:3:-1` (for the form that works without JavaScript). */
export function encodeOp(op: DesignOp): string {
	const record = op as unknown as Record<string, string | number>;
	return [op.type, ...opShapes[op.type].map((key) => record[key])].join(':');
}

/** The edit a button value stands for, or null when it is not one. */
export function decodeOp(value: string): DesignOp | null {
	const [type, ...parts] = value.split(':');
	const shape = opShapes[type as DesignOp['type']];
	if (!shape || parts.length !== shape.length) return null;
	const op: Record<string, string | number> = { type };
	for (const [index, key] of shape.entries()) {
		const text = parts[index];
		if (key === 'kind') {
			if (!itemKinds.includes(text as ItemKind)) return null;
			op[key] = text;
		} else if (key === 'id') op[key] = text;
		else {
			const n = Number(text);
			if (!Number.isInteger(n) || (key === 'delta' && n !== 1 && n !== -1)) return null;
			op[key] = n;
		}
	}
	return op as unknown as DesignOp;
}
