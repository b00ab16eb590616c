// Short names for items and nodes in charts, lists and findings: readers meet words, not codes.
// Chinese is cut by characters (it has no spaces), other text at the last word boundary.

import type { SurveyDefinition } from '../../survey/definition';
import type { AnalysisLayout } from './layout';
import type { Names, ReportStructure, TreeNode } from './structure';

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
/** Characters a Chinese label keeps; about the width of 28 Latin characters. */
const ZH_MAX = 14;
const EN_MAX = 28;

/** `text` cut to a short label without a closing mark: whole words (or ≤ 14 Chinese characters), '…' when cut; '' for ''. */
export function shortLabel(text: string): string {
	// A question's mark or a sentence's stop reads oddly inside a list or before a colon.
	const clean = text.replace(/\s+/g, ' ').trim().replace(/[\s?？。.!！]+$/, '');
	const chars = [...clean];
	if (CJK.test(clean)) {
		if (chars.length <= ZH_MAX) return clean;
		const head = chars.slice(0, ZH_MAX).join('');
		// Prefer ending at a Chinese comma or stop inside the kept part.
		const stop = Math.max(head.lastIndexOf('，'), head.lastIndexOf('、'), head.lastIndexOf('：'));
		return (stop >= ZH_MAX / 2 ? head.slice(0, stop) : head) + '…';
	}
	if (chars.length <= EN_MAX) return clean;
	const head = clean.slice(0, EN_MAX + 1);
	const space = head.lastIndexOf(' ');
	const cut = space >= EN_MAX / 2 ? head.slice(0, space) : clean.slice(0, EN_MAX);
	return cut.replace(/[\s,;:.–-]+$/, '') + '…';
}

/** Both languages' short labels. */
export function shortNames(names: Names): Names {
	return { zh: shortLabel(names.zh), en: shortLabel(names.en) };
}

/** Names joined as a list in the reader's language ('、' in Chinese, ', ' otherwise). */
export function joinNames(names: readonly Names[], zh: boolean): string {
	return names.map((n) => (zh ? n.zh : n.en)).join(zh ? '、' : ', ');
}

function indicatorsOf(nodes: readonly TreeNode[], into = new Map<string, TreeNode>()): Map<string, TreeNode> {
	for (const n of nodes) {
		into.set(n.code, n);
		indicatorsOf(n.children, into);
	}
	return into;
}

/**
 * The short label of every column by answer code: the indicator's name when the item is the only
 * one measuring its indicator, else the item's own text; an expectation column shares its pair's label.
 */
export function columnLabels(layout: AnalysisLayout, definition: SurveyDefinition, structure: ReportStructure): Map<string, Names> {
	const nodes = indicatorsOf(structure.dimensions);
	const items = new Map(definition.sections.flatMap((s) => s.items).map((i) => [i.code, i]));
	const labels = new Map<string, Names>();
	for (const c of layout.columns) {
		const node = c.indicator === null ? undefined : nodes.get(c.indicator);
		const text = items.get(c.item)?.text;
		const own = { zh: text?.['zh-CN'] ?? text?.en ?? c.code, en: text?.en ?? text?.['zh-CN'] ?? c.code };
		labels.set(c.code, shortNames(node && node.columns.length === 1 && node.children.length === 0 ? node.name : own));
	}
	return labels;
}

/** Names of a report's dimensions and item columns by code. */
export interface ReportNames {
	dimensions: ReadonlyMap<string, Names>;
	items: ReadonlyMap<string, Names>;
}

/**
 * A reliability flag's parameters with its dimension (`construct`) and item named in the reader's
 * language instead of by code, so the sentence reads in words; a code without a known name stays.
 */
export function namedFlagParams(params: Readonly<Record<string, string | number>>, names: ReportNames, zh: boolean): Record<string, string | number> {
	const named = (code: string | number, from: ReadonlyMap<string, Names>) => {
		const found = from.get(String(code));
		return found ? (zh ? found.zh : found.en) : code;
	};
	return {
		...params,
		...('construct' in params ? { construct: named(params.construct, names.dimensions) } : {}),
		...('item' in params ? { item: named(params.item, names.items) } : {})
	};
}
