/**
 * ACSI/ECSI-style index of a latent variable (methods.md §1): PLS outer weights for
 * standardised items → unstandardised wᵢ/sᵢ → normalised to sum 1 → weighted mean of the item
 * means, rescaled from [lo, hi] to 0–100.
 */
import type { PlsFit } from './pls';
import { fail, ok, type StatsIssue, type StatsResult } from './result';

export interface ScaleRange {
	lo: number;
	hi: number;
}

export interface LatentIndexInput {
	items: readonly string[];
	/** PLS outer weights for standardised items. */
	weights: readonly number[];
	means: readonly number[];
	/** Item standard deviations (any one divisor convention: it cancels when normalising). */
	sds: readonly number[];
}

export interface LatentIndex {
	/** 0–100 when the item means lie in [lo, hi]. */
	index: number;
	/** Weights actually used, per item, on the raw scale, summing to 1. */
	weights: number[];
	/** 'pls', or 'equal' when a non-positive PLS weight forced the fallback (see warnings). */
	method: 'pls' | 'equal';
}

/** Index 0–100 from standardised-item weights; equal weights plus a warning per non-positive weight. */
export function latentVariableIndex(
	input: LatentIndexInput,
	scale: ScaleRange,
	construct = ''
): StatsResult<LatentIndex> {
	const { items, weights, means, sds } = input;
	const k = items.length;
	if (k === 0 || weights.length !== k || means.length !== k || sds.length !== k) {
		return fail('stats.pls.invalidIndexInput');
	}
	if (!(scale.hi > scale.lo)) return fail('stats.pls.invalidScale', { lo: scale.lo, hi: scale.hi });
	const constant = sds.findIndex((s) => !(s > 0));
	if (constant >= 0) return fail('stats.pls.zeroVarianceItem', { item: items[constant] });
	if (means.some((m) => !Number.isFinite(m))) return fail('stats.pls.invalidIndexInput');
	const warnings: StatsIssue[] = items.flatMap((item, i) =>
		weights[i] > 0 ? [] : [{ code: 'stats.pls.nonPositiveWeight' as const, params: { item, construct, weight: weights[i] } }]
	);
	const raw = warnings.length > 0 ? items.map(() => 1) : weights.map((w, i) => w / sds[i]);
	const total = raw.reduce((s, w) => s + w, 0);
	const normalised = raw.map((w) => w / total);
	const mean = normalised.reduce((s, w, i) => s + w * means[i], 0);
	const index = ((mean - scale.lo) / (scale.hi - scale.lo)) * 100;
	return ok({ index, weights: normalised, method: warnings.length > 0 ? 'equal' : 'pls' }, warnings);
}

/** The index of one construct of a PLS fit (weights converted to standardised items if the fit was centred only). */
export function constructIndex(fit: PlsFit, construct: string, scale: ScaleRange): StatsResult<LatentIndex> {
	const j = fit.model.constructs.indexOf(construct);
	if (j < 0) return fail('stats.pls.unknownConstruct', { construct });
	const block = fit.model.blocks[j];
	const sds = block.map((i) => Math.sqrt(fit.itemCovariance[i][i]));
	// A centred-only fit gives weights per raw unit; × sd turns them into standardised-item weights.
	const weights = block.map((i, k) => fit.items[i].weight * (fit.settings.scaled ? 1 : sds[k]));
	const input = { items: block.map((i) => fit.items[i].name), weights, means: block.map((i) => fit.itemMeans[i]), sds };
	return latentVariableIndex(input, scale, construct);
}
