/**
 * Turns a PLS estimate into the figures a researcher reads (as plspm reports them): outer model,
 * construct summary with reliability and unidimensionality, paths, effects, HTMT and GoF.
 */
import { heterotraitMonotraitRatio } from './htmt';
import { leadingEigenvector, meanOf, submatrix, symmetricEigenvalues, toCorrelation } from './linalg-pls';
import { pathEffects } from './pls-inner';
import type { PlsEstimate } from './pls-estimate';
import type { PlsModel } from './pls-spec';
import { averageVarianceExtracted, compositeReliability, cronbachAlpha, reliabilityFlags } from './reliability';
import type { StatsIssue } from './result';

export interface PlsItemResult {
	name: string;
	construct: string;
	weight: number;
	loading: number;
	communality: number;
	/** communality × R² of the item's construct (0 for exogenous constructs). */
	redundancy: number;
}

export interface PlsPathResult {
	from: string;
	to: string;
	estimate: number;
	standardError: number;
	t: number;
	p: number;
}

export interface PlsConstructResult {
	name: string;
	type: 'exogenous' | 'endogenous';
	r2: number | null;
	r2Adjusted: number | null;
	blockCommunality: number;
	meanRedundancy: number;
	ave: number;
	/** ρC from the PLS loadings. */
	compositeReliability: number;
	/** Cronbach α, raw and standardised; null for a one-item block. */
	alpha: number | null;
	alphaStandardised: number | null;
	/** Dillon–Goldstein ρ from the first principal component (plspm's unidim); null for one item. */
	dgRho: number | null;
	/** First two eigenvalues of the block's correlation matrix (second null for one item). */
	eigenvalues: [number, number | null];
}

export interface PlsEffect {
	from: string;
	to: string;
	direct: number;
	indirect: number;
	total: number;
}

export interface PlsReport {
	items: PlsItemResult[];
	constructs: PlsConstructResult[];
	paths: PlsPathResult[];
	effects: PlsEffect[];
	crossLoadings: number[][];
	constructCorrelation: number[][];
	htmt: (number | null)[][];
	gof: number;
}

function outerModel(est: PlsEstimate, model: PlsModel, r2: number[]): PlsItemResult[] {
	return model.itemNames.map((name, i) => {
		const j = model.blockOf[i];
		const loading = est.crossLoadings[i][j];
		const communality = loading * loading;
		const construct = model.constructs[j];
		return { name, construct, weight: est.weights[i], loading, communality, redundancy: communality * r2[j] };
	});
}

/** α, ρ_DG and eigenvalues of one block from its covariance (plspm's unidimensionality table). */
function unidimensionality(cov: number[][]) {
	if (cov.length === 1) return { alpha: null, alphaStandardised: null, dgRho: null, eigenvalues: [1, null] as [number, null] };
	const correlation = toCorrelation(cov);
	const eig = symmetricEigenvalues(correlation);
	const firstPc = leadingEigenvector(correlation).map((v) => v * Math.sqrt(eig[0]));
	const alpha = cronbachAlpha(cov);
	return {
		alpha: alpha.ok ? alpha.value.alpha : null,
		alphaStandardised: alpha.ok ? alpha.value.alphaStandardised : null,
		// ρ is invariant to the component's sign only after squaring Σλ, which the formula does.
		dgRho: compositeReliability(firstPc),
		eigenvalues: [eig[0], eig[1]] as [number, number]
	};
}

function constructSummary(est: PlsEstimate, model: PlsModel, cov: number[][], items: PlsItemResult[]) {
	const rows = new Map(est.regressions.map((r) => [r.to, r]));
	return model.constructs.map((name, j): PlsConstructResult => {
		const block = model.blocks[j].map((i) => items[i]);
		const loadings = block.map((it) => it.loading);
		const regression = rows.get(j);
		return {
			name,
			type: regression ? 'endogenous' : 'exogenous',
			r2: regression?.r2 ?? null,
			r2Adjusted: regression?.r2Adjusted ?? null,
			blockCommunality: meanOf(block.map((it) => it.communality)),
			meanRedundancy: meanOf(block.map((it) => it.redundancy)),
			ave: averageVarianceExtracted(loadings),
			compositeReliability: compositeReliability(loadings),
			...unidimensionality(submatrix(cov, model.blocks[j]))
		};
	});
}

/** Constructs reachable from `from` along paths. */
function descendants(model: PlsModel, from: number): Set<number> {
	const seen = new Set<number>();
	const stack = [...model.successors[from]];
	while (stack.length > 0) {
		const k = stack.pop() as number;
		if (seen.has(k)) continue;
		seen.add(k);
		stack.push(...model.successors[k]);
	}
	return seen;
}

function effectsList(est: PlsEstimate, model: PlsModel): PlsEffect[] {
	const { direct, indirect, total } = pathEffects(est.regressions, model.constructs.length);
	return model.order.flatMap((i) => {
		const reachable = descendants(model, i);
		return model.order
			.filter((j) => reachable.has(j))
			.map((j) => ({
				from: model.constructs[i],
				to: model.constructs[j],
				direct: direct[i][j],
				indirect: indirect[i][j],
				total: total[i][j]
			}));
	});
}

/** GoF = √(mean communality of items in multi-item blocks × mean R² of endogenous constructs), as plspm. */
function goodnessOfFit(items: PlsItemResult[], model: PlsModel, constructs: PlsConstructResult[]): number {
	const multiItem = items.filter((_, i) => model.blocks[model.blockOf[i]].length > 1);
	const r2 = constructs.flatMap((c) => (c.r2 === null ? [] : [c.r2]));
	return Math.sqrt(meanOf(multiItem.map((it) => it.communality)) * meanOf(r2));
}

/** Everything reported about a fit, plus reliability warnings. `cov`: sample covariance of the model items. */
export function describePlsFit(est: PlsEstimate, model: PlsModel, cov: number[][]) {
	const r2 = model.constructs.map(() => 0);
	for (const r of est.regressions) r2[r.to] = r.r2;
	const items = outerModel(est, model, r2);
	const constructs = constructSummary(est, model, cov, items);
	const paths = est.regressions.flatMap((r) =>
		r.from.map((i, k) => ({
			from: model.constructs[i],
			to: model.constructs[r.to],
			estimate: r.estimates[k],
			standardError: r.standardErrors[k],
			t: r.tValues[k],
			p: r.pValues[k]
		}))
	);
	const report: PlsReport = {
		items,
		constructs,
		paths,
		effects: effectsList(est, model),
		crossLoadings: est.crossLoadings,
		constructCorrelation: est.constructCorrelation,
		htmt: heterotraitMonotraitRatio(toCorrelation(cov), model.blocks),
		gof: goodnessOfFit(items, model, constructs)
	};
	const warnings: StatsIssue[] = constructs.flatMap((c, j) =>
		reliabilityFlags({
			construct: c.name,
			alpha: c.alpha,
			compositeReliability: c.compositeReliability,
			ave: c.ave,
			loadings: model.blocks[j].map((i) => ({ item: items[i].name, loading: items[i].loading }))
		})
	);
	return { report, warnings };
}
