// The versioning rule. A survey's responses are never silently reinterpreted: a change that alters
// what answers mean or which answers exist (items added or removed, a scale or option set changed,
// an indicator re-linked, reverse coding, the required flag or a display condition changed) is structural and needs a
// new version once responses exist; a change of wording or order only is fixed in place.
import type { Condition } from './conditions';
import { allItems, answerCodes, type ChoiceItem, type Item, type NumberItem, type PointScale, type SurveyDefinition, type TextItem } from './definition';

export type ChangeKind = 'none' | 'wording' | 'structural';

export type ChangeReasonCode =
	| 'itemAdded'
	| 'itemRemoved'
	| 'kindChanged'
	| 'scaleChanged'
	| 'notApplicableChanged'
	| 'optionsChanged'
	| 'limitsChanged'
	| 'indicatorChanged'
	| 'reversedChanged'
	| 'requiredChanged'
	| 'conditionChanged'
	| 'competitorsChanged'
	| 'wording'
	| 'order';

export interface ChangeReason {
	/** Message key suffix: `designer.change.<code>`. */
	code: ChangeReasonCode;
	/** The item concerned, when there is one. */
	item?: string;
}

export interface Change {
	kind: ChangeKind;
	reasons: ChangeReason[];
}

const structuralCodes = new Set<ChangeReasonCode>([
	'itemAdded',
	'itemRemoved',
	'kindChanged',
	'scaleChanged',
	'notApplicableChanged',
	'optionsChanged',
	'limitsChanged',
	'indicatorChanged',
	'reversedChanged',
	'requiredChanged',
	'conditionChanged',
	'competitorsChanged'
]);

/** Conditions compared as data: who is asked an item is part of what its answers mean. */
const sameCondition = (a: Condition | undefined, b: Condition | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function sameScale(a: PointScale, b: PointScale): boolean {
	return a.min === b.min && a.max === b.max;
}

/** Structural differences between two versions of one item (same code). */
function itemStructure(before: Item, after: Item): ChangeReasonCode[] {
	if (before.kind !== after.kind) return ['kindChanged'];
	const found: ChangeReasonCode[] = [];
	if ((before.indicator ?? '') !== (after.indicator ?? '')) found.push('indicatorChanged');
	if (before.required !== after.required) found.push('requiredChanged');
	if (!sameCondition(before.showIf, after.showIf)) found.push('conditionChanged');
	if ('scale' in before && 'scale' in after) {
		if (!sameScale(before.scale, after.scale)) found.push('scaleChanged');
		if (before.reversed !== after.reversed) found.push('reversedChanged');
		if (before.notApplicable !== after.notApplicable) found.push('notApplicableChanged');
		// Brands rated (or how) change which answers exist.
		if (answerCodes(before).join() !== answerCodes(after).join()) found.push('competitorsChanged');
	}
	if (before.kind === 'single' || before.kind === 'multiple') {
		const a = before as ChoiceItem;
		const b = after as ChoiceItem;
		const codes = (item: ChoiceItem) => item.options.map((o) => o.code).join('\u0000') + (item.other ? '\u0000+other' : '');
		if (codes(a) !== codes(b)) found.push('optionsChanged');
	}
	if (before.kind === 'number') {
		const a = before as NumberItem;
		const b = after as NumberItem;
		if (a.min !== b.min || a.max !== b.max || a.decimals !== b.decimals) found.push('limitsChanged');
	}
	if (before.kind === 'text') {
		const a = before as TextItem;
		const b = after as TextItem;
		if (a.maxLength !== b.maxLength) found.push('limitsChanged');
	}
	return found;
}

/** Anything else (texts, labels, help, multiline) — compared as JSON once structure is equal. */
function sameWording(before: Item, after: Item): boolean {
	return JSON.stringify(before) === JSON.stringify(after);
}

function sectionsWording(before: SurveyDefinition, after: SurveyDefinition): boolean {
	const strip = (d: SurveyDefinition) => JSON.stringify(d.sections.map((s) => ({ code: s.code, title: s.title, description: s.description })));
	return strip(before) === strip(after);
}

/** Sections whose display condition was added, removed or changed. */
function sectionConditionChanges(before: SurveyDefinition, after: SurveyDefinition): ChangeReason[] {
	const old = new Map(before.sections.map((section) => [section.code, section.showIf]));
	return after.sections.filter((section) => !sameCondition(old.get(section.code), section.showIf) && (old.has(section.code) || section.showIf)).map((section) => ({ code: 'conditionChanged', item: section.code }));
}

/** What kind of change turns `before` into `after`, with every reason found. */
export function classifyChange(before: SurveyDefinition, after: SurveyDefinition): Change {
	const old = new Map(allItems(before).map((item) => [item.code, item]));
	const now = new Map(allItems(after).map((item) => [item.code, item]));
	const reasons: ChangeReason[] = [];
	for (const [code, item] of now) {
		const previous = old.get(code);
		if (!previous) {
			reasons.push({ code: 'itemAdded', item: code });
			continue;
		}
		const structural = itemStructure(previous, item);
		reasons.push(...structural.map((reason) => ({ code: reason, item: code })));
		if (structural.length === 0 && !sameWording(previous, item)) reasons.push({ code: 'wording', item: code });
	}
	for (const code of old.keys()) if (!now.has(code)) reasons.push({ code: 'itemRemoved', item: code });
	reasons.push(...sectionConditionChanges(before, after), ...competitorChanges(before, after));
	if (!sectionsWording(before, after)) reasons.push({ code: 'wording' });
	const order = (d: SurveyDefinition) => d.sections.map((s) => `${s.code}:${s.items.map((i) => i.code).join(',')}`).join('|');
	if (!reasons.some((r) => structuralCodes.has(r.code)) && order(before) !== order(after)) reasons.push({ code: 'order' });
	const kind: ChangeKind = reasons.some((r) => structuralCodes.has(r.code)) ? 'structural' : reasons.length > 0 ? 'wording' : 'none';
	return { kind, reasons };
}

/** New or removed competitor codes or another screener change who rates what; renamed competitors are wording. */
function competitorChanges(before: SurveyDefinition, after: SurveyDefinition): ChangeReason[] {
	const codes = (d: SurveyDefinition) => JSON.stringify([(d.competitors ?? []).map((c) => c.code), d.competitorScreener ?? null]);
	if (codes(before) !== codes(after)) return [{ code: 'competitorsChanged' }];
	return JSON.stringify(before.competitors ?? []) === JSON.stringify(after.competitors ?? []) ? [] : [{ code: 'wording' }];
}

/** What publishing the draft will do. */
export type PublishPlan =
	| { action: 'first'; number: 1 }
	| { action: 'unchanged'; number: number }
	| { action: 'replace'; number: number }
	| { action: 'fixWording'; number: number }
	| { action: 'newVersion'; number: number };

/**
 * The versioning rule: no version yet → version 1; nothing changed → nothing to do; the current
 * version has no responses → its definition is replaced; responses exist → a wording change
 * updates it in place, a structural change creates version `latest + 1`.
 */
export function planPublish(
	current: { number: number; definition: SurveyDefinition; responses: number; latestNumber: number } | null,
	draft: SurveyDefinition
): PublishPlan & { change: Change } {
	if (!current) return { action: 'first', number: 1, change: classifyChange({ sections: [] }, draft) };
	const change = classifyChange(current.definition, draft);
	if (change.kind === 'none') return { action: 'unchanged', number: current.number, change };
	if (current.responses === 0) return { action: 'replace', number: current.number, change };
	if (change.kind === 'wording') return { action: 'fixWording', number: current.number, change };
	return { action: 'newVersion', number: current.latestNumber + 1, change };
}
