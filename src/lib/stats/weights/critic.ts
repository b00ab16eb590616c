/**
 * CRITIC weights (methods.md §2): after min-max normalisation of each column,
 * Cⱼ = σⱼ Σₖ(1 − ρⱼₖ), w = C/ΣC. Min-max rescaling divides σⱼ by the column's range and leaves
 * correlations unchanged, so SDs, ranges and correlations (sufficient statistics) are enough.
 */
import { fail, ok, type StatsResult } from '../result';
import { buildItemStatistics, type ItemStatistics } from '../sufficient';
import { itemSummaries, pairwiseCorrelation } from '../sufficient-moments';
import { checkTable } from '../matrix';
import { directWeights } from './direct';

export interface CriticResult {
	/** In [0, 1], Σ = 1. */
	weights: number[];
	/** Cⱼ: contrast (SD of the normalised column) × conflict (Σₖ 1 − ρⱼₖ). */
	information: number[];
}

/** CRITIC weights of items from their statistics (pairwise SDs, ranges and correlations); all columns are benefit criteria. */
export function criticWeightsFromStatistics(stats: ItemStatistics): StatsResult<CriticResult> {
	const corr = pairwiseCorrelation(stats);
	if (!corr.ok) return corr;
	const information: number[] = [];
	const summaries = itemSummaries(stats);
	for (let j = 0; j < stats.k; j++) {
		const { sd, min, max } = summaries[j];
		if (sd === null || min === null || max === null || !(max > min)) return fail('stats.zeroVariance', { item: j + 1 });
		const conflict = corr.value[j].reduce((s, r) => s + (1 - r), 0);
		information.push((sd / (max - min)) * conflict);
	}
	const weights = directWeights(information);
	if (!weights.ok) return weights;
	return ok({ weights: weights.value, information });
}

/** CRITIC weights of the columns of a raw m×n table (rows = alternatives or respondents). */
export function criticWeights(matrix: number[][]): StatsResult<CriticResult> {
	const shape = checkTable(matrix, 'matrix', 3);
	if (!shape.ok) return shape;
	const stats = buildItemStatistics(matrix, shape.value);
	if (!stats.ok) return stats;
	return criticWeightsFromStatistics(stats.value);
}
