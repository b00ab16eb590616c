/**
 * "Analyse a model on rows": the composition behind `npm run analyze` (and, later, the web
 * report). From respondent rows of the model's items it builds sufficient statistics (reverse
 * coding on the way), pairwise moments, PLS when the model has paths, construct indices,
 * reliability, driver weights for the target and, on request, bootstrap CIs of the paths.
 */
import { itemMeanComposites, plsComposites, type Composites } from './model-analysis-composites';
import { driversOf, driverWeights, type DriverWeights } from './model-analysis-drivers';
import type { AnalysisModel } from './model-analysis-spec';
import type { Moments } from './moments';
import { fitPlsFromMoments, type PlsFit, type PlsModelSpec } from './pls';
import { bootstrapPls, type BootstrapInterval } from './pls-bootstrap';
import type { InnerScheme } from './pls-inner';
import { averageVarianceExtracted, compositeReliability, cronbachAlpha, reliabilityFlags } from './reliability';
import { fail, ok, type StatsIssue, type StatsResult } from './result';
import { reverseCode, type Scale } from './scores';
import { buildItemStatistics, type ItemStatistics } from './sufficient';
import { pairwiseMoments, selectMoments } from './sufficient-moments';
import { MIN_RELIABLE_N } from './trend';

export type { AnalysisModel } from './model-analysis-spec';
export type { DriverWeights, WeightMethod } from './model-analysis-drivers';

export interface AnalysisOptions {
	/** PLS inner scheme; default 'path'. */
	scheme?: InnerScheme;
	/** Standardise items for PLS (default true); false = centre only, as plspm's scaled = FALSE. */
	scaled?: boolean;
	/** Percentile bootstrap of the paths on the complete rows. */
	bootstrap?: { resamples: number; seed: number };
}

export interface ConstructAnalysis {
	name: string;
	/** Respondents behind the construct's figures (smallest count answering any two of its items). */
	n: number;
	/** 0–100 (methods.md §1). */
	index: number;
	indexMethod: 'pls' | 'equal';
	indexWeights: Record<string, number>;
	outerWeights: Record<string, number>;
	loadings: Record<string, number>;
	/** Cronbach α raw and standardised; null for a one-item construct. */
	alpha: number | null;
	alphaStandardized: number | null;
	rhoC: number;
	ave: number;
	/** R² of an endogenous construct in the PLS model, else null. */
	rSquared: number | null;
}

export interface PathAnalysis {
	from: string;
	to: string;
	coefficient: number;
	/** Percentile bootstrap interval, with --bootstrap. */
	ci?: Pick<BootstrapInterval, 'lower' | 'upper' | 'sd'>;
}

export interface ModelAnalysis {
	/** Rows read, and rows answering every model item. */
	rows: number;
	completeRows: number;
	scale: Scale;
	/** PLS settings when the model has paths, else null. */
	pls: { scheme: InnerScheme; scaled: boolean; iterations: number } | null;
	constructs: ConstructAnalysis[];
	paths: PathAnalysis[];
	weights: DriverWeights | null;
	bootstrap: { resamples: number; seed: number; level: number; failed: number; rows: number } | null;
}

/** Fewer rows than this cannot give a covariance with any residual freedom. */
export const MIN_ANALYSIS_ROWS = 3;

/** The model's item codes in construct order: the columns `analyseModel` expects. */
export function modelItems(model: AnalysisModel): string[] {
	return model.constructs.flatMap((c) => c.items);
}

type Rows = readonly (readonly (number | null)[])[];

const scaleOf = (model: AnalysisModel): Scale => ({ lo: model.scale.min, hi: model.scale.max });
const reversedFlags = (model: AnalysisModel) => model.constructs.flatMap((c) => c.items.map((item) => c.reversed.includes(item)));

/** A failure whose 1-based item numbers (params item/other) are replaced by item codes. */
function failNamingItems<T>(issue: StatsIssue, items: readonly string[]): StatsResult<T> {
	const params = { ...issue.params };
	for (const key of ['item', 'other']) if (typeof params[key] === 'number') params[key] = items[(params[key] as number) - 1] ?? params[key];
	return fail(issue.code, params);
}

interface Recoded {
	stats: ItemStatistics;
	moments: Moments;
}

/** Statistics and pairwise moments of the reverse-coded model items; fails on an answer off the scale or a constant item. */
function recodedMoments(model: AnalysisModel, rows: Rows, items: string[]): StatsResult<Recoded> {
	const options = { scales: items.map(() => scaleOf(model)), reversed: reversedFlags(model) };
	const stats = buildItemStatistics(rows, items.length, options);
	if (!stats.ok) return failNamingItems(stats.error, items);
	const moments = pairwiseMoments(stats.value);
	if (!moments.ok) return failNamingItems(moments.error, items);
	const constant = moments.value.cov.findIndex((row, i) => !(row[i] > 0));
	if (constant >= 0) return fail('stats.zeroVariance', { item: items[constant] });
	return ok({ stats: stats.value, moments: moments.value });
}

/** Complete rows of the model items, reverse-coded, for the bootstrap. */
function completeRecodedRows(model: AnalysisModel, rows: Rows): number[][] {
	const scale = scaleOf(model);
	const reversed = reversedFlags(model);
	return rows
		.filter((r) => r.every((x) => x !== null))
		.map((r) => (r as number[]).map((x, i) => (reversed[i] ? reverseCode(x, scale) : x)));
}

function plsSpec(model: AnalysisModel): PlsModelSpec {
	return { constructs: model.constructs.map((c) => ({ name: c.name, items: c.items })), paths: model.paths };
}

/** Item indices (into modelItems) of each construct's block. */
function blocksOf(model: AnalysisModel): number[][] {
	let next = 0;
	return model.constructs.map((c) => c.items.map(() => next++));
}

/** Smallest number of respondents answering a pair of the block's items (or the item, for one item). */
function blockCount(stats: ItemStatistics, block: readonly number[]): number {
	return Math.min(...block.flatMap((i) => block.map((j) => stats.pairwise.n[i * stats.k + j])));
}

function describeConstructs(model: AnalysisModel, recoded: Recoded, composites: Composites, fit: PlsFit | null) {
	const { moments, stats } = recoded;
	const warnings: StatsIssue[] = [];
	const blocks = blocksOf(model);
	const constructs = model.constructs.map((c, j): ConstructAnalysis => {
		const block = blocks[j];
		const composite = composites.byConstruct[j];
		const keyed = (values: number[]) => Object.fromEntries(c.items.map((item, i) => [item, values[i]]));
		const alpha = block.length > 1 ? cronbachAlpha(selectMoments(moments, block).cov) : null;
		const reliability = {
			construct: c.name,
			alpha: alpha?.ok ? alpha.value.alpha : null,
			compositeReliability: compositeReliability(composite.loadings),
			ave: averageVarianceExtracted(composite.loadings),
			loadings: c.items.map((item, i) => ({ item, loading: composite.loadings[i] }))
		};
		warnings.push(...reliabilityFlags(reliability));
		return {
			name: c.name,
			n: blockCount(stats, block),
			index: composite.index,
			indexMethod: composite.indexMethod,
			indexWeights: keyed(composite.indexWeights),
			outerWeights: keyed(composite.outerWeights),
			loadings: keyed(composite.loadings),
			alpha: reliability.alpha,
			alphaStandardized: alpha?.ok ? alpha.value.alphaStandardised : null,
			rhoC: reliability.compositeReliability,
			ave: reliability.ave,
			rSquared: fit?.constructs[j].r2 ?? null
		};
	});
	return { constructs, warnings };
}

/** Driver weights for the target; null without a target, or (warned) when nothing drives it. */
function targetWeights(model: AnalysisModel, composites: Composites, fit: PlsFit | null): StatsResult<DriverWeights | null> {
	if (model.target === undefined) return ok(null);
	const names = model.constructs.map((c) => c.name);
	const drivers = driversOf(names, model.paths, model.target);
	if (drivers.length === 0) return ok(null, [{ code: 'stats.analyze.noDrivers', params: { construct: model.target } }]);
	return driverWeights(names, composites.correlation, composites.basis, model.target, drivers, fit?.effects ?? null);
}

/** Path coefficients, with bootstrap intervals from the complete rows when asked. */
function describePaths(model: AnalysisModel, rows: Rows, fit: PlsFit, options: AnalysisOptions) {
	const paths: PathAnalysis[] = fit.paths.map((p) => ({ from: p.from, to: p.to, coefficient: p.estimate }));
	if (!options.bootstrap) return ok({ paths, bootstrap: null });
	const complete = completeRecodedRows(model, rows);
	const { resamples, seed } = options.bootstrap;
	const boot = bootstrapPls(complete, modelItems(model), plsSpec(model), { ...fit.settings, resamples, seed });
	if (!boot.ok) return boot;
	const warnings = [...boot.warnings];
	if (complete.length < rows.length) warnings.push({ code: 'stats.analyze.bootstrapCompleteRows', params: { n: complete.length, rows: rows.length } });
	for (const path of paths) {
		const ci = boot.value.paths.find((p) => p.from === path.from && p.to === path.to);
		if (ci) path.ci = { lower: ci.lower, upper: ci.upper, sd: ci.sd };
	}
	const { level, failed } = boot.value;
	return ok({ paths, bootstrap: { resamples, seed, level, failed, rows: complete.length } }, warnings);
}

/** Analyses `model` on rows of its items (columns in modelItems order, null = missing, raw coding). */
export function analyseModel(model: AnalysisModel, rows: Rows, options: AnalysisOptions = {}): StatsResult<ModelAnalysis> {
	const items = modelItems(model);
	if (rows.length < MIN_ANALYSIS_ROWS) return fail('stats.analyze.tooFewRows', { n: rows.length, needed: MIN_ANALYSIS_ROWS });
	const recoded = recodedMoments(model, rows, items);
	if (!recoded.ok) return recoded;
	const { moments, stats } = recoded.value;
	const warnings: StatsIssue[] = [];
	if (rows.length < MIN_RELIABLE_N) warnings.push({ code: 'stats.smallSample', params: { name: 'responses', n: rows.length, minimum: MIN_RELIABLE_N } });
	const scale = scaleOf(model);
	let fit: PlsFit | null = null;
	if (model.paths.length > 0) {
		const fitted = fitPlsFromMoments(moments, items, plsSpec(model), { scheme: options.scheme, scaled: options.scaled });
		if (!fitted.ok) return fitted;
		fit = fitted.value;
		warnings.push(...fitted.warnings);
	}
	const composites = fit ? plsComposites(fit, scale) : itemMeanComposites(moments, blocksOf(model), model.constructs.map((c) => c.name), scale);
	if (!composites.ok) return composites;
	const described = describeConstructs(model, recoded.value, composites.value, fit);
	const weights = targetWeights(model, composites.value, fit);
	if (!weights.ok) return weights;
	const inner = fit ? describePaths(model, rows, fit, options) : ok({ paths: [], bootstrap: null });
	if (!inner.ok) return inner;
	warnings.push(...composites.warnings, ...described.warnings, ...weights.warnings, ...inner.warnings);
	return ok(
		{
			rows: rows.length,
			completeRows: stats.complete.n,
			scale,
			pls: fit && { scheme: fit.settings.scheme, scaled: fit.settings.scaled, iterations: fit.iterations },
			constructs: described.constructs,
			paths: inner.value.paths,
			weights: weights.value,
			bootstrap: inner.value.bootstrap
		},
		uniqueIssues(warnings)
	);
}

/** Each warning once (PLS and the composites can raise the same one). */
function uniqueIssues(issues: StatsIssue[]): StatsIssue[] {
	const seen = new Set<string>();
	return issues.filter((issue) => {
		const key = JSON.stringify(issue);
		return !seen.has(key) && Boolean(seen.add(key));
	});
}
