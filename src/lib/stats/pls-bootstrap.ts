/**
 * Seeded percentile bootstrap of PLS weights, loadings and paths. Each resample costs one
 * covariance matrix plus the moment-based algorithm warm-started from the full-sample weights,
 * which keeps 1,000 resamples of a few hundred rows well under a few seconds.
 */
import { rowMoments } from './linalg-pls';
import { fitPlsFromRows, type PlsFit, type PlsOptions } from './pls';
import { estimatePls, treatedCovariance, type PlsEstimate } from './pls-estimate';
import type { PlsModelSpec } from './pls-spec';
import { mulberry32, randomIndex } from './random';
import { fail, ok, StatsFailure, type StatsIssue, type StatsResult } from './result';

export interface PlsBootstrapOptions extends PlsOptions {
	/** Number of resamples; default 1,000. */
	resamples?: number;
	/** Seed of the resampling generator; default 1 (same seed → same intervals). */
	seed?: number;
	/** Confidence level of the percentile intervals, 0–1; default 0.95. */
	level?: number;
}

/** Full-sample estimate with its bootstrap mean, standard deviation and percentile interval. */
export interface BootstrapInterval {
	estimate: number;
	mean: number;
	sd: number;
	lower: number;
	upper: number;
}

export interface PlsBootstrap {
	fit: PlsFit;
	resamples: number;
	/** Resamples skipped because the model could not be estimated on them. */
	failed: number;
	level: number;
	weights: ({ item: string; construct: string } & BootstrapInterval)[];
	loadings: ({ item: string; construct: string } & BootstrapInterval)[];
	paths: ({ from: string; to: string } & BootstrapInterval)[];
}

/** plspm refuses to bootstrap fewer cases than this: resamples would repeat too few rows. */
const MIN_BOOTSTRAP_ROWS = 10;

/** R's default (type 7) quantile of sorted values, q in 0..1. */
function quantileSorted(sorted: number[], q: number): number {
	const h = (sorted.length - 1) * q;
	const lo = Math.floor(h);
	return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
}

function interval(estimate: number, draws: number[], level: number): BootstrapInterval {
	const sorted = [...draws].sort((a, b) => a - b);
	const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
	const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / (draws.length - 1);
	const tail = (1 - level) / 2;
	return { estimate, mean, sd: Math.sqrt(variance), lower: quantileSorted(sorted, tail), upper: quantileSorted(sorted, 1 - tail) };
}

/** The bootstrapped statistics of one estimate, in a fixed order: weights, loadings, paths. */
function statistics(est: PlsEstimate, blockOf: number[]): number[] {
	const loadings = est.crossLoadings.map((row, i) => row[blockOf[i]]);
	return [...est.weights, ...loadings, ...est.regressions.flatMap((r) => r.estimates)];
}

function resampleDraws(rows: readonly (readonly number[])[], fit: PlsFit, options: PlsBootstrapOptions) {
	const { model, settings, n } = fit;
	const random = mulberry32(options.seed ?? 1);
	const start = fit.items.map((it) => it.weight);
	const draws: number[][] = [];
	let failed = 0;
	for (let b = 0; b < (options.resamples ?? 1000); b++) {
		const sample = Array.from({ length: n }, () => rows[randomIndex(random, n)]);
		const { cov } = rowMoments(sample, model.columns);
		try {
			if (cov.some((row, i) => !(row[i] > 0))) throw new StatsFailure({ code: 'stats.pls.zeroVarianceItem' });
			const est = estimatePls(treatedCovariance(cov, n, settings.scaled), model, settings, n, start);
			draws.push(statistics(est, model.blockOf));
		} catch (e) {
			if (!(e instanceof StatsFailure)) throw e;
			failed++;
		}
	}
	return { draws, failed };
}

/** Percentile bootstrap CIs of weights, loadings and paths from complete raw rows (≥ 10). */
export function bootstrapPls(
	rows: readonly (readonly number[])[],
	itemNames: readonly string[],
	spec: PlsModelSpec,
	options: PlsBootstrapOptions = {}
): StatsResult<PlsBootstrap> {
	const resamples = options.resamples ?? 1000;
	const level = options.level ?? 0.95;
	if (!Number.isInteger(resamples) || resamples < 2) return fail('stats.pls.invalidOption', { option: 'resamples' });
	if (!(level > 0 && level < 1)) return fail('stats.pls.invalidOption', { option: 'level' });
	if (rows.length < MIN_BOOTSTRAP_ROWS) {
		return fail('stats.pls.tooFewRespondents', { n: rows.length, needed: MIN_BOOTSTRAP_ROWS });
	}
	const full = fitPlsFromRows(rows, itemNames, spec, options);
	if (!full.ok) return full;
	const fit = full.value;
	const { draws, failed } = resampleDraws(rows, fit, options);
	// Intervals from a minority of resamples would describe a different population.
	if (draws.length < resamples / 2) return fail('stats.pls.bootstrapFailed', { failed, resamples });
	const warnings: StatsIssue[] = [...full.warnings];
	if (failed > 0) warnings.push({ code: 'stats.pls.bootstrapResamplesSkipped', params: { failed, resamples } });
	const original = [...fit.items.map((it) => it.weight), ...fit.items.map((it) => it.loading), ...fit.paths.map((p) => p.estimate)];
	const ci = original.map((estimate, s) => interval(estimate, draws.map((d) => d[s]), level));
	const p = fit.items.length;
	const itemLabel = (i: number) => ({ item: fit.items[i].name, construct: fit.items[i].construct });
	return ok(
		{
			fit,
			resamples,
			failed,
			level,
			weights: ci.slice(0, p).map((c, i) => ({ ...itemLabel(i), ...c })),
			loadings: ci.slice(p, 2 * p).map((c, i) => ({ ...itemLabel(i), ...c })),
			paths: ci.slice(2 * p).map((c, k) => ({ from: fit.paths[k].from, to: fit.paths[k].to, ...c }))
		},
		warnings
	);
}
