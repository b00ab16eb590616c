/**
 * Dimension weights for the CSI by every method (methods.md §2), side by side. Stored methods
 * (direct points, AHP) come from the nodes; objective ones (entropy, CRITIC) from the items'
 * statistics, summed per dimension; derived ones (correlation, relative weights, Shapley) from the
 * correlations of dimension composites with the overall-satisfaction criterion; PLS from the
 * structural model's total effects. A method that cannot apply carries the engine's reason.
 */
import { fail, ok, type StatsIssue, type StatsResult } from '../result';
import type { ItemStatistics } from '../sufficient';
import { correlationWeights, criticWeightsFromStatistics, directWeights, entropyWeightsFromCounts, equalWeights, MAX_SHAPLEY_PREDICTORS, relativeWeights, shapleyWeights } from '../weights';
import { selectStatistics } from './align';
import { compositeCorrelations, momentsOf } from './estimates';
import { subtreeColumns, type ReportStructure, type TreeNode } from './structure';

export const weightMethods = ['equal', 'direct', 'ahp', 'entropy', 'critic', 'correlation', 'relativeWeights', 'shapley', 'pls'] as const;
export type ReportWeightMethod = (typeof weightMethods)[number];

export function isWeightMethod(value: unknown): value is ReportWeightMethod {
	return typeof value === 'string' && (weightMethods as readonly string[]).includes(value);
}

export interface MethodWeights {
	method: ReportWeightMethod;
	/** One weight per dimension (Σ = 1), or null when the method cannot apply. */
	weights: number[] | null;
	issue: StatsIssue | null;
	warnings: StatsIssue[];
}

/** Columns and weights (Σ = 1) of a node's items: siblings share by the stored method when every sibling has it, else equally. */
export function effectiveWeights(node: TreeNode, method: ReportWeightMethod): { columns: number[]; weights: number[] } {
	const parts = [...node.children.map((c) => ({ child: c, stored: c.weights[method] })), ...node.columns.map((col) => ({ column: col, stored: undefined }))];
	const stored = parts.map((p) => p.stored);
	const useStored = (method === 'direct' || method === 'ahp') && node.columns.length === 0 && stored.every((w) => typeof w === 'number' && w >= 0);
	const share = useStored ? directWeights(stored as number[]) : equalWeights(parts.length);
	const shares = share.ok ? share.value : parts.map(() => 1 / parts.length);
	const columns: number[] = [];
	const weights: number[] = [];
	parts.forEach((p, i) => {
		if ('column' in p && p.column !== undefined) {
			columns.push(p.column);
			weights.push(shares[i]);
		} else if ('child' in p) {
			const inner = effectiveWeights(p.child, method);
			columns.push(...inner.columns);
			weights.push(...inner.weights.map((w) => w * shares[i]));
		}
	});
	return { columns, weights };
}

function storedWeights(dimensions: readonly TreeNode[], method: 'direct' | 'ahp'): StatsResult<number[]> {
	const values = dimensions.map((d) => d.weights[method]);
	if (values.some((w) => typeof w !== 'number')) return fail('stats.report.noStoredWeights', { method });
	return directWeights(values as number[]);
}

/** Item weights summed per dimension. */
function perDimension(dimensions: readonly TreeNode[], columns: readonly number[], itemWeights: readonly number[]): number[] {
	return dimensions.map((d) => {
		const own = new Set(subtreeColumns(d));
		return columns.reduce((s, c, i) => s + (own.has(c) ? itemWeights[i] : 0), 0);
	});
}

function entropyByDimension(stats: ItemStatistics, dimensions: readonly TreeNode[], columns: number[]): StatsResult<number[]> {
	const scales = stats.scales!;
	const divergence: number[] = [];
	// Each column on its own answers (its own m), so missing answers elsewhere do not exclude it.
	for (const c of columns) {
		const counts = stats.histograms![c];
		const e = entropyWeightsFromCounts([{ values: counts.map((_, v) => scales[c].lo + v), counts }]);
		if (!e.ok && e.error.code !== 'stats.entropyNoDivergence') return e;
		divergence.push(e.ok ? 1 - e.value.entropy[0] : 0);
	}
	const items = directWeights(divergence);
	return items.ok ? directWeights(perDimension(dimensions, columns, items.value)) : fail('stats.entropyNoDivergence');
}

function criticByDimension(stats: ItemStatistics, dimensions: readonly TreeNode[], columns: number[]): StatsResult<number[]> {
	const critic = criticWeightsFromStatistics(selectStatistics(stats, columns));
	return critic.ok ? directWeights(perDimension(dimensions, columns, critic.value.weights)) : critic;
}

type Derived = 'correlation' | 'relativeWeights' | 'shapley';

function derivedByDimension(stats: ItemStatistics, structure: ReportStructure, method: Derived): StatsResult<number[]> {
	const { criterion, dimensions } = structure;
	if (criterion === null) return fail('stats.report.noCriterion');
	if (method === 'shapley' && dimensions.length > MAX_SHAPLEY_PREDICTORS) return fail('stats.report.tooManyForShapley', { max: MAX_SHAPLEY_PREDICTORS });
	const parts = dimensions.map((d) => effectiveWeights(d, 'equal'));
	const columns = [...new Set([...parts.flatMap((p) => p.columns), criterion])];
	const moments = momentsOf(stats, columns);
	if (!moments) return fail('stats.report.tooFewPairs');
	const local = (c: number) => columns.indexOf(c);
	const composites = [...parts.map((p) => ({ columns: p.columns.map(local), weights: p.weights })), { columns: [local(criterion)], weights: [1] }];
	const r = compositeCorrelations(moments, composites);
	if (r.flat().some((v) => v === null)) return fail('stats.report.noVariance');
	const m = dimensions.length;
	const drivers = { rxx: r.slice(0, m).map((row) => row.slice(0, m) as number[]), rxy: r.slice(0, m).map((row) => row[m] as number) };
	const run = method === 'correlation' ? correlationWeights(drivers) : method === 'relativeWeights' ? relativeWeights(drivers) : shapleyWeights(drivers);
	return run.ok ? ok(run.value.weights, run.warnings) : run;
}

/** Weights of the dimensions by every method; `pls` is given by the structural model (or null when there is none). */
export function dimensionWeights(stats: ItemStatistics, structure: ReportStructure, pls: StatsResult<number[]> | null): MethodWeights[] {
	const { dimensions } = structure;
	const columns = dimensions.flatMap(subtreeColumns);
	const compute = (method: ReportWeightMethod): StatsResult<number[]> => {
		if (dimensions.length === 0) return fail('stats.emptyInput', { name: 'dimensions' });
		switch (method) {
			case 'equal':
				return equalWeights(dimensions.length);
			case 'direct':
			case 'ahp':
				return storedWeights(dimensions, method);
			case 'entropy':
				return entropyByDimension(stats, dimensions, columns);
			case 'critic':
				return criticByDimension(stats, dimensions, columns);
			case 'pls':
				return pls ?? fail('stats.report.noStructuralModel');
			default:
				return derivedByDimension(stats, structure, method);
		}
	};
	return weightMethods.map((method) => {
		const result = compute(method);
		return result.ok
			? { method, weights: result.value, issue: null, warnings: result.warnings }
			: { method, weights: null, issue: result.error, warnings: result.warnings };
	});
}

/** The method the CSI uses: the stored choice when it applies, else direct points, else PLS (structural models), else equal. */
export function chooseMethod(all: readonly MethodWeights[], stored: string | null): ReportWeightMethod {
	const applies = (m: string) => all.some((w) => w.method === m && w.weights !== null);
	if (stored && isWeightMethod(stored) && applies(stored)) return stored;
	return (['direct', 'pls'] as const).find(applies) ?? 'equal';
}
