/**
 * SERVQUAL (methods.md §7): gap Gᵢ = Pᵢ − Eᵢ per respondent and item, dimension gap = mean of its
 * items' gaps, unweighted SQ = mean of dimension gaps, weighted SQ = Σ (points/100)·gap;
 * SERVPERF = perceptions only. Item gaps come from pairwise sums (respondents answering both).
 */
import { fail, ok, type StatsResult } from './result';
import type { ItemStatistics } from './sufficient';
import { directWeights } from './weights/direct';

export interface ServqualItem {
	dimension: string;
	/** 0-based indices of the perception and expectation items in the statistics. */
	perception: number;
	expectation: number;
}

export interface ServqualIndex {
	/** Mean of the dimension gaps, scale points (negative = below expectations). */
	unweighted: number;
	/** Σ (points/Σpoints)·gap, or null without points. */
	weighted: number | null;
}

export interface ServqualResult extends ServqualIndex {
	items: { dimension: string; gap: number; n: number }[];
	dimensions: { dimension: string; gap: number; perception: number }[];
	/** SERVPERF: mean of the dimensions' mean perceptions, scale points. */
	servperf: number;
}

/** Unweighted and (with points, e.g. a 100-point allocation per dimension) weighted SQ from dimension gaps. */
export function servqualIndex(dimensionGaps: readonly number[], points?: readonly number[]): StatsResult<ServqualIndex> {
	if (dimensionGaps.length === 0) return fail('stats.emptyInput', { name: 'dimensions' });
	const unweighted = dimensionGaps.reduce((s, g) => s + g, 0) / dimensionGaps.length;
	if (!points) return ok({ unweighted, weighted: null });
	if (points.length !== dimensionGaps.length) return fail('stats.lengthMismatch', { name: 'points', expected: dimensionGaps.length, actual: points.length });
	const w = directWeights(points);
	if (!w.ok) return w;
	return ok({ unweighted, weighted: dimensionGaps.reduce((s, g, i) => s + w.value[i] * g, 0) });
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/** SERVQUAL gaps per item and dimension, SQ indices and SERVPERF from item statistics; `points` keyed by dimension. */
export function servqualFromStatistics(stats: ItemStatistics, items: readonly ServqualItem[], points?: Readonly<Record<string, number>>): StatsResult<ServqualResult> {
	const { k, pairwise } = stats;
	const itemGaps: ServqualResult['items'] = [];
	for (const item of items) {
		const { perception: p, expectation: e } = item;
		if (![p, e].every((i) => Number.isInteger(i) && i >= 0 && i < k)) return fail('stats.itemOutOfRange', { item: Math.max(p, e) + 1, max: k });
		const n = pairwise.n[p * k + e];
		if (n < 1) return fail('stats.tooFewPairs', { item: p + 1, other: e + 1, needed: 1, actual: n });
		itemGaps.push({ dimension: item.dimension, gap: (pairwise.sum[p * k + e] - pairwise.sum[e * k + p]) / n, n });
	}
	const names = [...new Set(items.map((i) => i.dimension))];
	const dimensions = names.map((dimension) => {
		const own = items.filter((i) => i.dimension === dimension);
		return {
			dimension,
			gap: mean(itemGaps.filter((g) => g.dimension === dimension).map((g) => g.gap)),
			perception: mean(own.map((i) => pairwise.sum[i.perception * (k + 1)] / pairwise.n[i.perception * (k + 1)]))
		};
	});
	const missingPoints = points && names.find((d) => !(d in points));
	if (missingPoints) return fail('stats.pointsMissing', { dimension: missingPoints });
	const index = servqualIndex(dimensions.map((d) => d.gap), points && names.map((d) => points[d]));
	if (!index.ok) return index;
	return ok({ ...index.value, items: itemGaps, dimensions, servperf: mean(dimensions.map((d) => d.perception)) });
}
