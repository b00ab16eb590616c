/**
 * Importance of the target construct's drivers by every applicable weight method (methods.md §2):
 * equal, correlation, relative weights and Shapley from the construct correlations, and PLS total
 * effects when the model has paths. A method that cannot run is left out, its reason warned.
 */
import type { PlsEffect } from './pls';
import { ok, type StatsIssue, type StatsResult } from './result';
import {
	correlationWeights,
	directWeights,
	driverCorrelations,
	equalWeights,
	MAX_SHAPLEY_PREDICTORS,
	relativeWeights,
	shapleyWeights
} from './weights';

export type WeightMethod = 'equal' | 'correlation' | 'relativeWeights' | 'shapley' | 'plsTotalEffects';

export interface DriverWeights {
	target: string;
	/** Construct scores the correlations come from: PLS scores or item-mean composites. */
	basis: 'pls' | 'itemMean';
	drivers: string[];
	/** Weights per driver (Σ = 1) for every method that could run. */
	byMethod: Partial<Record<WeightMethod, Record<string, number>>>;
}

/** Constructs with a path route into `target` when there are paths; otherwise every other construct. */
export function driversOf(constructs: readonly string[], paths: readonly (readonly [string, string])[], target: string): string[] {
	if (paths.length === 0) return constructs.filter((c) => c !== target);
	const upstream = new Set<string>();
	const queue = [target];
	while (queue.length > 0) {
		const to = queue.pop() as string;
		for (const [from] of paths.filter((p) => p[1] === to)) {
			if (!upstream.has(from)) queue.push(from);
			upstream.add(from);
		}
	}
	return constructs.filter((c) => upstream.has(c) && c !== target);
}

/** Total effects of the drivers on the target, negatives set to 0 (warned), normalised. */
function totalEffectWeights(effects: readonly PlsEffect[], drivers: readonly string[], target: string): StatsResult<number[]> {
	const totals = drivers.map((d) => effects.find((e) => e.from === d && e.to === target)?.total ?? 0);
	const negative = drivers.filter((_, i) => totals[i] < 0);
	const weights = directWeights(totals.map((t) => Math.max(0, t)));
	if (!weights.ok || negative.length === 0) return weights;
	return ok(weights.value, [{ code: 'stats.analyze.negativeEffectClipped', params: { constructs: negative.join(', '), target } }]);
}

/**
 * Weights of `drivers` for `target` from the construct correlation matrix (constructs order) and,
 * with a PLS fit, its effects; warnings say which methods were skipped and why.
 */
export function driverWeights(
	constructs: readonly string[],
	correlation: number[][],
	basis: DriverWeights['basis'],
	target: string,
	drivers: readonly string[],
	effects: readonly PlsEffect[] | null
): StatsResult<DriverWeights> {
	const warnings: StatsIssue[] = [];
	const byMethod: DriverWeights['byMethod'] = {};
	const keyed = (w: number[]) => Object.fromEntries(drivers.map((d, i) => [d, w[i]]));
	const run = (method: WeightMethod, result: StatsResult<number[]>) => {
		warnings.push(...result.warnings, ...(result.ok ? [] : [{ code: 'stats.analyze.weightMethodSkipped' as const, params: { method } }, result.error]));
		if (result.ok) byMethod[method] = keyed(result.value);
	};
	run('equal', equalWeights(drivers.length));
	const rawCorrelations = driverCorrelations(correlation, drivers.map((d) => constructs.indexOf(d)), constructs.indexOf(target));
	if (!rawCorrelations.ok) return rawCorrelations;
	const r = rawCorrelations.value;
	const weightsOf = (result: StatsResult<{ weights: number[] }>): StatsResult<number[]> =>
		result.ok ? ok(result.value.weights, result.warnings) : result;
	run('correlation', weightsOf(correlationWeights(r)));
	run('relativeWeights', weightsOf(relativeWeights(r)));
	// Shapley needs 2^p regressions; beyond the limit the relative weights above approximate it.
	if (drivers.length <= MAX_SHAPLEY_PREDICTORS) run('shapley', weightsOf(shapleyWeights(r)));
	if (effects) run('plsTotalEffects', totalEffectWeights(effects, drivers, target));
	return ok({ target, basis, drivers: [...drivers], byMethod }, warnings);
}
