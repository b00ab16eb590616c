/**
 * PLS path modelling (PLS-PM, Mode A blocks) for ACSI/ECSI-style satisfaction models
 * (methods.md §3). Runs from item Moments alone, so rollups can feed it; raw rows add
 * construct scores. Validated against R plspm on the `satisfaction` data.
 */
import { rowMoments, submatrix } from './linalg-pls';
import type { Moments } from './moments';
import { estimatePls, treatedCovariance, type PlsSettings } from './pls-estimate';
import type { InnerScheme } from './pls-inner';
import { describePlsFit, type PlsReport } from './pls-report';
import { resolvePlsModel, type PlsModel, type PlsModelSpec } from './pls-spec';
import type { StopRule } from './pls-weights';
import { fail, guard, ok, type StatsResult } from './result';

export type { PlsModelSpec, PlsConstructSpec } from './pls-spec';
export type { PlsReport, PlsItemResult, PlsPathResult, PlsConstructResult, PlsEffect } from './pls-report';

export interface PlsOptions {
	/** Inner weighting scheme; default 'path' (as seminr and SmartPLS). */
	scheme?: InnerScheme;
	/** Standardise items (default true); false = centre only, like plspm's scaled = FALSE. */
	scaled?: boolean;
	/** Convergence tolerance; default 1e-7 (largest weight change). */
	tolerance?: number;
	/** Default 300. */
	maxIterations?: number;
	/** Default 'maxChange'; 'plspm' reproduces R plspm's stop rule. */
	stopRule?: StopRule;
}

export interface PlsFit extends PlsReport {
	settings: PlsSettings;
	n: number;
	iterations: number;
	model: PlsModel;
	/** Item means and sample covariance of the model items (model order). */
	itemMeans: number[];
	itemCovariance: number[][];
	/** Construct scores per respondent (respondents × constructs); only from raw rows. */
	scores?: number[][];
}

const SCHEMES: readonly InnerScheme[] = ['path', 'centroid', 'factorial'];

function settingsFrom(options: PlsOptions): PlsSettings {
	return {
		scheme: options.scheme ?? 'path',
		scaled: options.scaled ?? true,
		tolerance: options.tolerance ?? 1e-7,
		maxIterations: options.maxIterations ?? 300,
		stopRule: options.stopRule ?? 'maxChange'
	};
}

function invalidSettings(s: PlsSettings): string | null {
	if (!SCHEMES.includes(s.scheme)) return 'scheme';
	if (!(s.tolerance > 0)) return 'tolerance';
	if (!Number.isInteger(s.maxIterations) || s.maxIterations < 1) return 'maxIterations';
	return s.stopRule === 'maxChange' || s.stopRule === 'plspm' ? null : 'stopRule';
}

/** Fits the model on already-resolved moments of the model items (model order). */
function fitModel(model: PlsModel, mean: number[], cov: number[][], n: number, settings: PlsSettings): StatsResult<PlsFit> {
	if (cov.flat().some((v) => !Number.isFinite(v)) || mean.some((v) => !Number.isFinite(v))) {
		return fail('stats.pls.invalidMoments', { reason: 'nonFinite' });
	}
	const constant = cov.findIndex((row, i) => !(row[i] > 0));
	if (constant >= 0) return fail('stats.pls.zeroVarianceItem', { item: model.itemNames[constant] });
	// Every path regression needs a residual degree of freedom: n ≥ (most predecessors) + 2.
	const needed = Math.max(3, ...model.predecessors.map((p) => p.length + 2));
	if (!(n >= needed)) return fail('stats.pls.tooFewRespondents', { n, needed });
	return guard(() => {
		const estimate = estimatePls(treatedCovariance(cov, n, settings.scaled), model, settings, n);
		const { report, warnings } = describePlsFit(estimate, model, cov);
		const fit = { ...report, settings, n, iterations: estimate.iterations, model, itemMeans: mean, itemCovariance: cov };
		return ok(fit, warnings);
	});
}

/**
 * PLS-PM from item moments (n respondents, means, sample covariance; `itemNames` labels their
 * columns and may include items outside the model). Weights give unit-variance constructs.
 */
export function fitPlsFromMoments(
	moments: Moments,
	itemNames: readonly string[],
	spec: PlsModelSpec,
	options: PlsOptions = {}
): StatsResult<PlsFit> {
	const settings = settingsFrom(options);
	const badOption = invalidSettings(settings);
	if (badOption) return fail('stats.pls.invalidOption', { option: badOption });
	const p = itemNames.length;
	if (moments.mean.length !== p || moments.cov.length !== p || moments.cov.some((r) => r.length !== p)) {
		return fail('stats.pls.invalidMoments', { reason: 'dimensions' });
	}
	const model = resolvePlsModel(spec, itemNames);
	if (!model.ok) return model;
	const { columns } = model.value;
	const mean = columns.map((c) => moments.mean[c]);
	return fitModel(model.value, mean, submatrix(moments.cov, columns), moments.n, settings);
}

/** Index of the first row with a missing or non-numeric answer in a model column, or −1. */
function firstIncompleteRow(rows: readonly (readonly number[])[], columns: readonly number[]): number {
	return rows.findIndex((r) => columns.some((c) => !Number.isFinite(r[c])));
}

/** Construct scores: treated items (centred; standardised with the population sd when scaled) × weights. */
function constructScores(rows: readonly (readonly number[])[], fit: PlsFit): number[][] {
	const { model, itemMeans, itemCovariance, n, settings } = fit;
	const spread = itemCovariance.map((row, i) => (settings.scaled ? Math.sqrt((row[i] * (n - 1)) / n) : 1));
	const weights = fit.items.map((it) => it.weight);
	return rows.map((r) => {
		const scores = model.constructs.map(() => 0);
		model.columns.forEach((c, i) => (scores[model.blockOf[i]] += ((r[c] - itemMeans[i]) / spread[i]) * weights[i]));
		return scores;
	});
}

/** PLS-PM from complete raw rows (respondents × columns named by `itemNames`), with construct scores. */
export function fitPlsFromRows(
	rows: readonly (readonly number[])[],
	itemNames: readonly string[],
	spec: PlsModelSpec,
	options: PlsOptions = {}
): StatsResult<PlsFit> {
	const settings = settingsFrom(options);
	const badOption = invalidSettings(settings);
	if (badOption) return fail('stats.pls.invalidOption', { option: badOption });
	const model = resolvePlsModel(spec, itemNames);
	if (!model.ok) return model;
	const { columns } = model.value;
	const incomplete = firstIncompleteRow(rows, columns);
	if (incomplete >= 0) return fail('stats.pls.missingValues', { row: incomplete + 1 });
	if (rows.length < 3) return fail('stats.pls.tooFewRespondents', { n: rows.length, needed: 3 });
	const { mean, cov } = rowMoments(rows, columns);
	const fit = fitModel(model.value, mean, cov, rows.length, settings);
	if (!fit.ok) return fit;
	return ok({ ...fit.value, scores: constructScores(rows, fit.value) }, fit.warnings);
}
