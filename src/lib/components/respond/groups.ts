// Consecutive scale items on the same scale share a Likert grid (one header row of points on wide
// screens); everything else stands alone.
import type { Item, LikertItem, RatingItem } from '$lib/survey/definition';

export interface ItemGroup {
	grid: boolean;
	items: Item[];
}

type GridItem = LikertItem | RatingItem;
// Items rated for competitors have brand rows of their own, so they stand alone.
const isGridItem = (item: Item): item is GridItem => (item.kind === 'likert' || item.kind === 'rating' || item.kind === 'nps') && !item.competitors;
const scaleKey = (item: GridItem) => JSON.stringify([item.scale, item.notApplicable]);

/** The section's items in order, runs of two or more same-scale items grouped as grids. */
export function groupItems(items: readonly Item[]): ItemGroup[] {
	const groups: ItemGroup[] = [];
	for (const item of items) {
		const last = groups.at(-1);
		const previous = last?.items.at(-1);
		if (last && previous && isGridItem(item) && isGridItem(previous) && scaleKey(item) === scaleKey(previous)) {
			last.items.push(item);
			last.grid = true;
		} else {
			groups.push({ grid: false, items: [item] });
		}
	}
	return groups;
}

/** A wide Likert grid's columns (CSS grid-template-columns): one per point, and a wider one for "not applicable". */
export function gridColumns(points: number, notApplicable: boolean): string {
	return `repeat(${points}, minmax(0, 1fr))` + (notApplicable ? ' minmax(0, 2fr)' : '');
}
