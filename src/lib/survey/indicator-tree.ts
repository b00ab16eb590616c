// Pure operations on an indicator system's tree, kept as a flat list of nodes (as stored): ordering,
// moving without cycles, code rules, leaves and the latent variables of a structural model.

export const modelRoles = ['image', 'expectation', 'quality', 'value', 'satisfaction', 'complaints', 'loyalty', 'custom'] as const;
export type ModelRole = (typeof modelRoles)[number];

/** Weight of a node among its siblings per method, e.g. {direct: 0.2, ahp: 0.31}. */
export type NodeWeights = Record<string, number>;

export interface IndicatorNode {
	id: string;
	/** null for level-1 nodes (dimensions or latent variables). */
	parentId: string | null;
	code: string;
	nameZh: string;
	nameEn: string;
	description: string;
	/** Order among siblings, 0-based. */
	position: number;
	modelRole: ModelRole | null;
	weights: NodeWeights;
}

/** A path of the structural model, between two latent-variable nodes. */
export interface ModelPath {
	fromId: string;
	toId: string;
}

/** Letters, digits, `_` and `-`, starting with a letter; up to 32 characters (item codes and CSV headers derive from it). */
export const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

export function isValidCode(code: string): boolean {
	return CODE_PATTERN.test(code);
}

/** The children of `parentId` (null: level 1), in order. */
export function childrenOf(nodes: readonly IndicatorNode[], parentId: string | null): IndicatorNode[] {
	return nodes.filter((n) => n.parentId === parentId).sort((a, b) => a.position - b.position);
}

/** Nodes in tree order (depth first), each with its depth (1 = level 1). */
export function flattenTree(nodes: readonly IndicatorNode[]): { node: IndicatorNode; depth: number }[] {
	const out: { node: IndicatorNode; depth: number }[] = [];
	const visit = (parentId: string | null, depth: number) => {
		for (const node of childrenOf(nodes, parentId)) {
			out.push({ node, depth });
			visit(node.id, depth + 1);
		}
	};
	visit(null, 1);
	return out;
}

/** Nodes without children, in tree order. */
export function leafNodes(nodes: readonly IndicatorNode[]): IndicatorNode[] {
	const parents = new Set(nodes.map((n) => n.parentId));
	return flattenTree(nodes)
		.map((entry) => entry.node)
		.filter((n) => !parents.has(n.id));
}

/** The node and all its descendants' ids. */
export function subtreeIds(nodes: readonly IndicatorNode[], id: string): Set<string> {
	const ids = new Set([id]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const n of nodes) {
			if (n.parentId !== null && ids.has(n.parentId) && !ids.has(n.id)) {
				ids.add(n.id);
				grew = true;
			}
		}
	}
	return ids;
}

/** Codes used by more than one node. */
export function duplicateCodes(nodes: readonly IndicatorNode[]): string[] {
	const seen = new Map<string, number>();
	for (const n of nodes) seen.set(n.code.toLowerCase(), (seen.get(n.code.toLowerCase()) ?? 0) + 1);
	return [...new Set(nodes.filter((n) => (seen.get(n.code.toLowerCase()) ?? 0) > 1).map((n) => n.code))];
}

/** Why a code cannot be used for node `selfId` (null when it can); a message key. */
export function codeProblem(nodes: readonly IndicatorNode[], code: string, selfId?: string): string | null {
	if (!isValidCode(code)) return 'systems.codeInvalid';
	const taken = nodes.some((n) => n.id !== selfId && n.code.toLowerCase() === code.toLowerCase());
	return taken ? 'systems.codeTaken' : null;
}

/**
 * Moves a node under `parentId` at `position` among its new siblings and renumbers both sibling
 * lists. Returns null when the move would put a node inside itself or the parent does not exist.
 */
export function moveNode(nodes: readonly IndicatorNode[], id: string, parentId: string | null, position: number): IndicatorNode[] | null {
	const node = nodes.find((n) => n.id === id);
	if (!node) return null;
	if (parentId !== null && (!nodes.some((n) => n.id === parentId) || subtreeIds(nodes, id).has(parentId))) return null;
	const siblings = childrenOf(nodes, parentId).filter((n) => n.id !== id);
	const at = Math.max(0, Math.min(position, siblings.length));
	siblings.splice(at, 0, { ...node, parentId });
	const moved = new Map(siblings.map((n, i) => [n.id, { ...n, position: i }]));
	const oldSiblings = childrenOf(nodes, node.parentId).filter((n) => n.id !== id);
	if (node.parentId !== parentId) oldSiblings.forEach((n, i) => moved.set(n.id, { ...n, position: i }));
	return nodes.map((n) => moved.get(n.id) ?? n);
}

/** Moves a node one place up (-1) or down (+1) among its siblings; unchanged at either end. */
export function shiftNode(nodes: readonly IndicatorNode[], id: string, delta: -1 | 1): IndicatorNode[] {
	const node = nodes.find((n) => n.id === id);
	if (!node) return [...nodes];
	return moveNode(nodes, id, node.parentId, childrenOf(nodes, node.parentId).findIndex((n) => n.id === id) + delta) ?? [...nodes];
}

/** Moves a node out to its parent's level, just after the parent (keyboard "outdent"). */
export function outdentNode(nodes: readonly IndicatorNode[], id: string): IndicatorNode[] {
	const node = nodes.find((n) => n.id === id);
	const parent = node && nodes.find((n) => n.id === node.parentId);
	if (!parent) return [...nodes];
	return moveNode(nodes, id, parent.parentId, parent.position + 1) ?? [...nodes];
}

/** Moves a node under its previous sibling, as its last child (keyboard "indent"). */
export function indentNode(nodes: readonly IndicatorNode[], id: string): IndicatorNode[] {
	const node = nodes.find((n) => n.id === id);
	if (!node) return [...nodes];
	const siblings = childrenOf(nodes, node.parentId);
	const previous = siblings[siblings.findIndex((n) => n.id === id) - 1];
	if (!previous) return [...nodes];
	return moveNode(nodes, id, previous.id, childrenOf(nodes, previous.id).length) ?? [...nodes];
}

/** Latent variables of the structural model: nodes with a role. */
export function latentVariables(nodes: readonly IndicatorNode[]): IndicatorNode[] {
	return flattenTree(nodes)
		.map((e) => e.node)
		.filter((n) => n.modelRole !== null);
}

/** Why a path cannot be added (null when it can); a message key. */
export function pathProblem(nodes: readonly IndicatorNode[], paths: readonly ModelPath[], path: ModelPath): string | null {
	const from = nodes.find((n) => n.id === path.fromId);
	const to = nodes.find((n) => n.id === path.toId);
	if (!from?.modelRole || !to?.modelRole) return 'systems.pathNeedsRoles';
	if (from.id === to.id) return 'systems.pathSelf';
	if (paths.some((p) => p.fromId === path.fromId && p.toId === path.toId)) return 'systems.pathExists';
	if (reaches(paths, to.id, from.id)) return 'systems.pathCycle';
	return null;
}

function reaches(paths: readonly ModelPath[], start: string, target: string): boolean {
	const stack = [start];
	const seen = new Set<string>();
	while (stack.length) {
		const id = stack.pop()!;
		if (id === target) return true;
		if (seen.has(id)) continue;
		seen.add(id);
		for (const p of paths) if (p.fromId === id) stack.push(p.toId);
	}
	return false;
}

/** Sum of direct points among siblings, and whether it is the expected total (100). */
export function directPointsSum(points: readonly number[], total = 100): { sum: number; ok: boolean } {
	const sum = points.reduce((s, p) => s + (Number.isFinite(p) ? p : 0), 0);
	return { sum, ok: Math.abs(sum - total) < 1e-9 && points.every((p) => Number.isFinite(p) && p >= 0) };
}
