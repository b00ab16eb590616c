// Warnings about scale items that the CSI cannot use as they stand: one that measures no
// indicator is in no dimension, so it is left out of the dimension scores and the CSI; one with a
// different number of points than the rest of its dimension does not combine with them.
import { allItems, isScaled, type ScaledItem, type SurveyDefinition } from './definition';
import { warning, type DesignIssue } from './design-issue';
import type { IndicatorNode } from './indicator-tree';

const points = (item: ScaledItem) => item.scale.max - item.scale.min + 1;

/** The level-1 node (dimension) above each indicator code. */
function dimensionByCode(nodes: readonly IndicatorNode[]): Map<string, IndicatorNode> {
	const byId = new Map(nodes.map((node) => [node.id, node]));
	const top = (node: IndicatorNode): IndicatorNode => {
		const parent = node.parentId === null ? undefined : byId.get(node.parentId);
		return parent ? top(parent) : node;
	};
	return new Map(nodes.map((node) => [node.code, top(node)]));
}

/** The most common value (the first seen among equals). */
function mostCommon(values: number[]): number {
	const counts = new Map<number, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** Warnings for scale items the CSI would leave out or mix (NPS items are loyalty, not CSI). */
export function scaleFitIssues(definition: SurveyDefinition, nodes: readonly IndicatorNode[]): DesignIssue[] {
	if (nodes.length === 0) return [];
	const scaled = allItems(definition).filter((item): item is ScaledItem => isScaled(item) && item.kind !== 'nps');
	const found: DesignIssue[] = [];
	const dimensions = dimensionByCode(nodes);
	const byDimension = new Map<IndicatorNode, ScaledItem[]>();
	for (const item of scaled) {
		const dimension = item.indicator ? dimensions.get(item.indicator) : undefined;
		if (!item.indicator) found.push(warning('scaleWithoutIndicator', { item: item.code }, { item: item.code }));
		if (dimension) byDimension.set(dimension, [...(byDimension.get(dimension) ?? []), item]);
	}
	for (const [dimension, items] of byDimension) {
		const usual = mostCommon(items.map(points));
		for (const item of items) {
			if (points(item) !== usual) found.push(warning('scalePointsDiffer', { item: item.code, points: points(item), dimension: dimension.code, usual }, { item: item.code }));
		}
	}
	return found;
}
