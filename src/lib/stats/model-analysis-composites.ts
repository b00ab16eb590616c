/**
 * Construct composites for model-analysis: how each construct is scored (PLS outer weights, or
 * the item mean when the model has no paths), its loadings, its 0–100 index and the correlations
 * between constructs. Everything comes from item moments, so rows with gaps still count.
 */
import { constructIndex } from './acsi-index';
import type { Moments } from './moments';
import type { PlsFit } from './pls';
import { fail, ok, type StatsIssue, type StatsResult } from './result';
import { linearIndexSummary, type Scale } from './scores';
import { selectMoments } from './sufficient-moments';

/** One construct's scoring: weights and loadings per block item, and its index. */
export interface Composite {
	/** PLS outer weights (as the fit reports them), or 1/k for the item mean. */
	outerWeights: number[];
	/** Correlation of each item with the construct score. */
	loadings: number[];
	/** 0–100. */
	index: number;
	indexMethod: 'pls' | 'equal';
	/** Raw-scale weights behind the index, Σ = 1. */
	indexWeights: number[];
}

export interface Composites {
	byConstruct: Composite[];
	/** Correlations between construct scores (constructs × constructs). */
	correlation: number[][];
	basis: 'pls' | 'itemMean';
}

/** Composites from a PLS fit whose items follow `blocks` order; the index falls back to equal weights (warned) on a non-positive weight. */
export function plsComposites(fit: PlsFit, scale: Scale): StatsResult<Composites> {
	const warnings: StatsIssue[] = [];
	const byConstruct: Composite[] = [];
	for (const [j, name] of fit.model.constructs.entries()) {
		const latent = constructIndex(fit, name, scale);
		if (!latent.ok) return latent;
		warnings.push(...latent.warnings);
		const block = fit.model.blocks[j].map((i) => fit.items[i]);
		byConstruct.push({
			outerWeights: block.map((it) => it.weight),
			loadings: block.map((it) => it.loading),
			index: latent.value.index,
			indexMethod: latent.value.method,
			indexWeights: latent.value.weights
		});
	}
	return ok({ byConstruct, correlation: fit.constructCorrelation, basis: 'pls' }, warnings);
}

/** Covariance of two weighted sums of items: Σᵢ Σⱼ aᵢ bⱼ covᵢⱼ over blocks a and b. */
function compositeCovariance(cov: number[][], a: readonly number[], b: readonly number[], wa: number, wb: number): number {
	let total = 0;
	for (const i of a) for (const j of b) total += cov[i][j];
	return total * wa * wb;
}

/**
 * Item-mean composites of `blocks` (item indices into `moments`): equal weights, loadings as
 * item–composite correlations, index = mean item score. Fails when a composite has no variance.
 */
export function itemMeanComposites(moments: Moments, blocks: readonly number[][], names: readonly string[], scale: Scale): StatsResult<Composites> {
	const { cov } = moments;
	const variance = blocks.map((b) => compositeCovariance(cov, b, b, 1 / b.length, 1 / b.length));
	const degenerate = variance.findIndex((v) => !(v > 0));
	if (degenerate >= 0) return fail('stats.pls.degenerateBlock', { construct: names[degenerate] });
	const byConstruct: Composite[] = [];
	for (const [j, block] of blocks.entries()) {
		const equal = block.map(() => 1 / block.length);
		const summary = linearIndexSummary(selectMoments(moments, block), equal, block.map(() => scale));
		if (!summary.ok) return summary;
		const loadings = block.map((i) => compositeCovariance(cov, [i], block, 1, 1 / block.length) / Math.sqrt(cov[i][i] * variance[j]));
		byConstruct.push({ outerWeights: equal, loadings, index: summary.value.mean, indexMethod: 'equal', indexWeights: equal });
	}
	const correlation = blocks.map((a, j) =>
		blocks.map((b, k) => (j === k ? 1 : compositeCovariance(cov, a, b, 1 / a.length, 1 / b.length) / Math.sqrt(variance[j] * variance[k])))
	);
	return ok({ byConstruct, correlation, basis: 'itemMean' });
}
