// A questionnaire generated from an indicator system: one section per level-1 node, one item per
// leaf below it (the template's wording when the system came from a template, otherwise a Likert
// item worded with the indicator's name, to be edited in the designer).
import type { Item, LikertItem, Section, SurveyDefinition } from './definition';
import { childrenOf, leafNodes, subtreeIds, type IndicatorNode } from './indicator-tree';
import { templateItem } from './templates/index';

export interface FromSystemOptions {
	/** The template the system was made from (servqual, ecsi, ccsi), for its wording. */
	template?: string | null;
	/** Points of generated Likert items when no template wording exists (default 5). */
	points?: number;
}

/** A 1..points agreement item for a leaf, worded with its name. */
export function likertForLeaf(leaf: IndicatorNode, points = 5): LikertItem {
	return {
		code: leaf.code,
		kind: 'likert',
		text: { 'zh-CN': leaf.nameZh, en: leaf.nameEn },
		required: true,
		indicator: leaf.code,
		scale: {
			min: 1,
			max: points,
			endLabels: { min: { 'zh-CN': '非常不同意', en: 'Strongly disagree' }, max: { 'zh-CN': '非常同意', en: 'Strongly agree' } }
		},
		reversed: false,
		notApplicable: false
	};
}

function itemForLeaf(leaf: IndicatorNode, options: FromSystemOptions): Item {
	const worded = templateItem(options.template, leaf.code);
	return worded ? { ...worded, code: leaf.code, indicator: leaf.code } : likertForLeaf(leaf, options.points);
}

/** Sections and items for every leaf of the system, in tree order. */
export function definitionFromSystem(nodes: readonly IndicatorNode[], options: FromSystemOptions = {}): SurveyDefinition {
	const leaves = leafNodes(nodes);
	const sections: Section[] = childrenOf(nodes, null).map((top) => {
		const inside = subtreeIds(nodes, top.id);
		return {
			code: top.code,
			title: { 'zh-CN': top.nameZh, en: top.nameEn },
			items: leaves.filter((leaf) => inside.has(leaf.id)).map((leaf) => itemForLeaf(leaf, options))
		};
	});
	return { sections };
}
