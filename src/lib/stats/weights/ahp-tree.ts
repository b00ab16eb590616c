/**
 * The indicator tree as an AHP round sees it: which nodes can be compared (two or more children)
 * and global weights down the tree (the product of the local weights on the path from the root).
 */
import { ROOT_NODE } from './ahp-round';

export interface TreeNode {
	id: string;
	code: string;
	/** null for level-1 nodes (children of the system itself). */
	parentId: string | null;
	position: number;
}

/** Children of a node id (ROOT_NODE for the level-1 nodes), in sibling order. */
export function childrenOf<T extends TreeNode>(nodes: readonly T[], nodeId: string): T[] {
	const parent = nodeId === ROOT_NODE ? null : nodeId;
	return nodes.filter((n) => n.parentId === parent).sort((a, b) => a.position - b.position);
}

/** Node ids (ROOT_NODE first, then depth-first) whose children can be compared: two or more. */
export function comparableNodes(nodes: readonly TreeNode[]): string[] {
	const out: string[] = [];
	const visit = (id: string) => {
		const children = childrenOf(nodes, id);
		if (children.length >= 2) out.push(id);
		for (const child of children) visit(child.id);
	};
	visit(ROOT_NODE);
	return out;
}

/** One row of the global-weights table. */
export interface GlobalWeightRow {
	id: string;
	code: string;
	/** 1 for level-1 nodes. */
	depth: number;
	/** Weight among siblings. */
	local: number;
	/** Product of local weights from the root down to this node. */
	global: number;
	/** True when the local weight is not from the round (its parent was not covered): siblings share equally. */
	assumed: boolean;
}

/**
 * Global weights of every node, depth-first: global = parent's global × local. `local` maps a
 * covered parent id (ROOT_NODE for the system) to its children's weights by child code; the
 * children of a parent the round did not cover get equal shares, flagged `assumed`.
 */
export function globalWeights(nodes: readonly TreeNode[], local: ReadonlyMap<string, Record<string, number>>): GlobalWeightRow[] {
	const rows: GlobalWeightRow[] = [];
	const visit = (parentId: string, parentGlobal: number, depth: number) => {
		const children = childrenOf(nodes, parentId);
		const weights = local.get(parentId);
		for (const child of children) {
			const own = weights?.[child.code];
			const assumed = own === undefined;
			const w = assumed ? 1 / children.length : own;
			rows.push({ id: child.id, code: child.code, depth, local: w, global: parentGlobal * w, assumed });
			visit(child.id, parentGlobal * w, depth + 1);
		}
	};
	visit(ROOT_NODE, 1, 1);
	return rows;
}
