/**
 * The PLS path model a researcher describes (constructs made of items, paths between them) and
 * its validated, index-based form that the estimation code works on.
 */
import { fail, ok, type StatsResult } from './result';

/** A construct (latent variable) and its Mode A block: item names or column indices. */
export interface PlsConstructSpec {
	name: string;
	items: readonly string[] | readonly number[];
}

/** A path model: constructs and directed paths [from, to] between construct names. */
export interface PlsModelSpec {
	constructs: readonly PlsConstructSpec[];
	paths: readonly (readonly [string, string])[];
}

/**
 * A validated model. Items are renumbered 0..p−1 in block order ("local" indices); `columns`
 * maps each local item back to its column in the caller's Moments or rows.
 */
export interface PlsModel {
	constructs: string[];
	columns: number[];
	itemNames: string[];
	/** Local item indices of each construct's block. */
	blocks: number[][];
	/** Construct index of each local item. */
	blockOf: number[];
	/** predecessors[j]: constructs with a path into j (ascending). */
	predecessors: number[][];
	successors: number[][];
	/** Constructs in an order where every predecessor comes first. */
	order: number[];
}

/** Checks a model spec against the available item names; fails with a code naming the problem. */
export function resolvePlsModel(
	spec: PlsModelSpec,
	availableItems: readonly string[]
): StatsResult<PlsModel> {
	if (spec.constructs.length === 0) return fail('stats.pls.noConstructs');
	const constructs = spec.constructs.map((c) => c.name);
	const duplicate = constructs.find((name, i) => constructs.indexOf(name) !== i);
	if (duplicate !== undefined) return fail('stats.pls.duplicateConstruct', { construct: duplicate });
	const blocksResult = resolveBlocks(spec.constructs, availableItems);
	if (!blocksResult.ok) return blocksResult;
	const edges = resolvePaths(spec, constructs);
	if (!edges.ok) return edges;
	const { predecessors, successors } = edges.value;
	const order = topologicalOrder(predecessors, successors);
	if (order.length < constructs.length) {
		const inCycle = constructs.filter((_, j) => !order.includes(j));
		return fail('stats.pls.cycle', { constructs: inCycle.join(', ') });
	}
	const columns = blocksResult.value.flat();
	const blocks: number[][] = [];
	const blockOf: number[] = [];
	for (const [j, block] of blocksResult.value.entries()) {
		blocks.push(block.map((_, k) => blockOf.length + k));
		for (let k = 0; k < block.length; k++) blockOf.push(j);
	}
	const itemNames = columns.map((c) => availableItems[c]);
	return ok({ constructs, columns, itemNames, blocks, blockOf, predecessors, successors, order });
}

function resolveBlocks(
	constructs: readonly PlsConstructSpec[],
	availableItems: readonly string[]
): StatsResult<number[][]> {
	const owner = new Map<number, string>();
	const blocks: number[][] = [];
	for (const c of constructs) {
		if (c.items.length === 0) return fail('stats.pls.emptyBlock', { construct: c.name });
		const block: number[] = [];
		for (const item of c.items) {
			const column = typeof item === 'number' ? item : availableItems.indexOf(item);
			if (!Number.isInteger(column) || column < 0 || column >= availableItems.length) {
				return fail('stats.pls.unknownItem', { item: String(item), construct: c.name });
			}
			const first = owner.get(column);
			if (first !== undefined) {
				const item = availableItems[column];
				return fail('stats.pls.itemInTwoBlocks', { item, first, second: c.name });
			}
			owner.set(column, c.name);
			block.push(column);
		}
		blocks.push(block);
	}
	return ok(blocks);
}

function resolvePaths(
	spec: PlsModelSpec,
	constructs: string[]
): StatsResult<{ predecessors: number[][]; successors: number[][] }> {
	if (spec.paths.length === 0) return fail('stats.pls.noPaths');
	const predecessors: number[][] = constructs.map(() => []);
	const successors: number[][] = constructs.map(() => []);
	for (const [from, to] of spec.paths) {
		const i = constructs.indexOf(from);
		const j = constructs.indexOf(to);
		if (i < 0 || j < 0) return fail('stats.pls.unknownConstruct', { construct: i < 0 ? from : to });
		if (i === j) return fail('stats.pls.cycle', { constructs: from });
		if (predecessors[j].includes(i)) return fail('stats.pls.duplicatePath', { from, to });
		predecessors[j].push(i);
		successors[i].push(j);
	}
	// A construct without any path has no inner estimate, so its weights would be zero.
	const isolated = constructs.find((_, j) => predecessors[j].length + successors[j].length === 0);
	if (isolated !== undefined) return fail('stats.pls.isolatedConstruct', { construct: isolated });
	predecessors.forEach((p) => p.sort((a, b) => a - b));
	successors.forEach((s) => s.sort((a, b) => a - b));
	return ok({ predecessors, successors });
}

/** Kahn's algorithm; constructs on a cycle never reach in-degree 0 and are left out. */
function topologicalOrder(predecessors: number[][], successors: number[][]): number[] {
	const remaining = predecessors.map((p) => p.length);
	const queue = remaining.flatMap((count, j) => (count === 0 ? [j] : []));
	const order: number[] = [];
	while (queue.length > 0) {
		const j = queue.shift() as number;
		order.push(j);
		for (const k of successors[j]) if (--remaining[k] === 0) queue.push(k);
	}
	return order;
}
