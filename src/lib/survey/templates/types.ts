// Shapes and builders shared by the built-in templates: an indicator tree whose leaves carry the item that
// measures them, and the structural-model paths between latent variables (by code).
import type { Item, LikertItem, LocalText, PointScale } from '../definition';
import type { ModelRole } from '../indicator-tree';

export type TemplateId = 'servqual' | 'ecsi' | 'ccsi';

/** Both languages, always: templates are complete. */
export type BothTexts = { en: string; 'zh-CN': string };

export interface TemplateNode {
	code: string;
	name: BothTexts;
	description?: BothTexts;
	role?: ModelRole;
	children?: TemplateNode[];
	/** The item that measures a leaf (its code is the leaf's code). */
	item?: Item;
}

export interface SystemTemplate {
	id: TemplateId;
	name: BothTexts;
	description: BothTexts;
	/** Level-1 nodes. */
	nodes: TemplateNode[];
	/** Structural-model paths as [from code, to code]. */
	paths: [string, string][];
}

export function both(en: string, zh: string): BothTexts {
	return { en, 'zh-CN': zh };
}

/** Agreement scale lo..hi labelled at its ends (SERVQUAL uses 1–7). */
export function agreementScale(max: number): PointScale {
	return {
		min: 1,
		max,
		endLabels: { min: both('Strongly disagree', '非常不同意'), max: both('Strongly agree', '非常同意') }
	};
}

/** A 1..max scale labelled at its ends with the given texts. */
export function endLabelled(max: number, low: LocalText, high: LocalText, min = 1): PointScale {
	return { min, max, endLabels: { min: low, max: high } };
}

/** The 1–10 scales of the index models (ECSI, CCSI), labelled at their ends. */
export const tenPoint = {
	agree: endLabelled(10, both('Strongly disagree', '非常不同意'), both('Strongly agree', '非常同意')),
	quality: endLabelled(10, both('Very poor', '非常差'), both('Excellent', '非常好')),
	level: endLabelled(10, both('Very low', '非常低'), both('Very high', '非常高')),
	likely: endLabelled(10, both('Very unlikely', '非常不可能'), both('Very likely', '非常可能')),
	satisfied: endLabelled(10, both('Very dissatisfied', '非常不满意'), both('Very satisfied', '非常满意'))
};

/** A 1–10 item measuring the leaf `code`, its ends labelled with the given texts. */
function tenPointItem(code: string, text: BothTexts, scale: PointScale): LikertItem {
	return { code, kind: 'likert', text, required: true, indicator: code, scale, reversed: false, notApplicable: true };
}

/** A latent variable with its indicators: [code, short name, question, scale]. */
export function latent(code: string, role: TemplateNode['role'], name: BothTexts, rows: [string, BothTexts, BothTexts, PointScale][]): TemplateNode {
	return {
		code,
		role,
		name,
		children: rows.map(([leaf, leafName, text, scale]) => ({ code: leaf, name: leafName, item: tenPointItem(leaf, text, scale) }))
	};
}
