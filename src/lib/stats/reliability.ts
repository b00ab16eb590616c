/**
 * Internal-consistency reliability of a block of items (methods.md §4): Cronbach's α on the
 * covariance matrix, standardised α, α if an item is deleted, corrected item–total correlations,
 * composite reliability ρC and AVE from loadings, and the usual rule-of-thumb flags.
 */
import { toCorrelation } from './linalg-pls';
import { fail, ok, type StatsIssue, type StatsResult } from './result';

/** Rule-of-thumb cut-offs below which a block is flagged (Nunnally; Fornell & Larcker; Hulland). */
export const RELIABILITY_THRESHOLDS = { alpha: 0.7, compositeReliability: 0.7, ave: 0.5, loading: 0.4 };

export interface AlphaReport {
	items: number;
	/** Raw α from the covariance matrix (≤ 1; can be negative for inconsistent items). */
	alpha: number;
	/** α from the correlation matrix: k·r̄/(1 + (k − 1)·r̄). */
	alphaStandardised: number;
	/** Raw α of the block without item i; null when fewer than 2 items would remain. */
	alphaIfDeleted: (number | null)[];
	/** Correlation of item i with the sum of the other items (−1..1). */
	correctedItemTotal: number[];
}

/** Raw Cronbach α = k/(k−1)·(1 − Σσᵢ²/σ²_total) of a covariance matrix (sample or population alike). */
function rawAlpha(cov: readonly (readonly number[])[]): number {
	const k = cov.length;
	const itemVariance = cov.reduce((s, row, i) => s + row[i], 0);
	const totalVariance = cov.reduce((s, row) => s + row.reduce((a, v) => a + v, 0), 0);
	return (k / (k - 1)) * (1 - itemVariance / totalVariance);
}

function without(cov: readonly (readonly number[])[], drop: number): number[][] {
	return cov.filter((_, i) => i !== drop).map((row) => row.filter((_, j) => j !== drop));
}

/** α, standardised α, α if deleted and corrected item–total r of a k × k item covariance matrix (k ≥ 2). */
export function cronbachAlpha(cov: readonly (readonly number[])[]): StatsResult<AlphaReport> {
	const k = cov.length;
	if (k < 2) return fail('stats.reliability.tooFewItems', { items: k });
	const flat = cov.flat();
	if (cov.some((row) => row.length !== k) || flat.some((v) => !Number.isFinite(v))) {
		return fail('stats.reliability.invalidCovariance');
	}
	const constant = cov.findIndex((row, i) => !(row[i] > 0));
	if (constant >= 0) return fail('stats.reliability.zeroVarianceItem', { item: constant + 1 });
	const totalVariance = flat.reduce((s, v) => s + v, 0);
	const correlation = toCorrelation(cov);
	const meanR = (correlation.flat().reduce((s, v) => s + v, 0) - k) / (k * (k - 1));
	const correctedItemTotal = cov.map((row, i) => {
		const covWithRest = row.reduce((s, v) => s + v, 0) - row[i];
		const restVariance = totalVariance - 2 * (covWithRest + row[i]) + row[i];
		return covWithRest / Math.sqrt(row[i] * restVariance);
	});
	return ok({
		items: k,
		alpha: rawAlpha(cov),
		alphaStandardised: (k * meanR) / (1 + (k - 1) * meanR),
		alphaIfDeleted: cov.map((_, i) => (k > 2 ? rawAlpha(without(cov, i)) : null)),
		correctedItemTotal
	});
}

/** Composite reliability (Dillon–Goldstein ρC) = (Σλ)²/((Σλ)² + Σ(1 − λ²)), for standardised loadings λ. */
export function compositeReliability(loadings: readonly number[]): number {
	const sum = loadings.reduce((s, l) => s + l, 0);
	const errors = loadings.reduce((s, l) => s + (1 - l * l), 0);
	return (sum * sum) / (sum * sum + errors);
}

/** Average variance extracted = Σλ²/k (0–1). */
export function averageVarianceExtracted(loadings: readonly number[]): number {
	return loadings.reduce((s, l) => s + l * l, 0) / loadings.length;
}

export interface BlockReliability {
	construct: string;
	alpha: number | null;
	compositeReliability: number;
	ave: number;
	loadings: readonly { item: string; loading: number }[];
}

/** Warnings for a block below the RELIABILITY_THRESHOLDS (α, ρC, AVE, each loading). */
export function reliabilityFlags(block: BlockReliability): StatsIssue[] {
	const t = RELIABILITY_THRESHOLDS;
	const construct = block.construct;
	const issues: StatsIssue[] = [];
	if (block.alpha !== null && block.alpha < t.alpha) {
		issues.push({ code: 'stats.reliability.lowAlpha', params: { construct, value: block.alpha, threshold: t.alpha } });
	}
	if (block.compositeReliability < t.compositeReliability) {
		const params = { construct, value: block.compositeReliability, threshold: t.compositeReliability };
		issues.push({ code: 'stats.reliability.lowCompositeReliability', params });
	}
	if (block.ave < t.ave) {
		issues.push({ code: 'stats.reliability.lowAve', params: { construct, value: block.ave, threshold: t.ave } });
	}
	for (const { item, loading } of block.loadings) {
		if (loading < t.loading) {
			issues.push({ code: 'stats.reliability.lowLoading', params: { construct, item, value: loading, threshold: t.loading } });
		}
	}
	return issues;
}
