/**
 * The results of an AHP round (pure): every expert's result per covered node, the group result
 * (AIJ or AIP) over the submitted, not excluded experts, and global weights down the tree.
 */
import { CR_THRESHOLD, expertNodeResult, groupNodeResult, type GroupMode, type GroupNodeResult, type Judgment, type NodeResult } from './ahp-round';
import { childrenOf, globalWeights, type GlobalWeightRow, type TreeNode } from './ahp-tree';

export interface RoundExpertInput {
	token: string;
	label: string;
	submitted: boolean;
	excluded: boolean;
}

export interface RoundInput<N extends TreeNode> {
	nodes: readonly N[];
	/** Covered node ids in the round's order. */
	nodeIds: readonly string[];
	experts: readonly RoundExpertInput[];
	judgments: readonly (Judgment & { expertId: string; nodeId: string })[];
}

export interface NodeResults<N extends TreeNode> {
	nodeId: string;
	children: N[];
	/** Each expert's result on this node, in the experts' order. */
	experts: { token: string; result: NodeResult }[];
	group: GroupNodeResult;
}

export interface ExpertSummary extends RoundExpertInput {
	/** Every covered node answered. */
	complete: boolean;
	/** Largest CR over the covered nodes (0 when nothing is complete). */
	maxCr: number;
	aboveThreshold: boolean;
	/** Counted in the group result: submitted, complete and not excluded. */
	included: boolean;
}

export interface RoundResults<N extends TreeNode> {
	mode: GroupMode;
	threshold: number;
	nodes: NodeResults<N>[];
	experts: ExpertSummary[];
	global: GlobalWeightRow[];
	/** Every covered node has a group result: the round can be applied. */
	applicable: boolean;
}

/** The covered nodes that (still) have two or more children to compare, with those children. */
export function roundPages<N extends TreeNode>(nodes: readonly N[], nodeIds: readonly string[]): { nodeId: string; children: N[] }[] {
	return nodeIds.map((nodeId) => ({ nodeId, children: childrenOf(nodes, nodeId) })).filter((p) => p.children.length >= 2);
}

/** Computes a round's results by the chosen group mode and CR threshold (default 0.10). */
export function roundResults<N extends TreeNode>(input: RoundInput<N>, mode: GroupMode, threshold = CR_THRESHOLD): RoundResults<N> {
	const judgmentsOf = (token: string, nodeId: string) => input.judgments.filter((j) => j.expertId === token && j.nodeId === nodeId);
	const pages = roundPages(input.nodes, input.nodeIds);
	const perExpert = pages.map((page) => {
		const codes = page.children.map((c) => c.code);
		return { page, codes, results: input.experts.map((e) => ({ token: e.token, result: expertNodeResult(codes, judgmentsOf(e.token, page.nodeId), threshold) })) };
	});
	const experts: ExpertSummary[] = input.experts.map((e, i) => {
		const mine = perExpert.map((p) => p.results[i].result);
		const complete = mine.every((r) => r.complete);
		const maxCr = Math.max(0, ...mine.map((r) => (r.complete ? r.cr : 0)));
		return { ...e, complete, maxCr, aboveThreshold: maxCr >= threshold, included: e.submitted && complete && !e.excluded };
	});
	const nodes = perExpert.map(({ page, codes, results }): NodeResults<N> => {
		const counted = input.experts.flatMap((e, i) => (experts[i].included ? [judgmentsOf(e.token, page.nodeId)] : []));
		return { nodeId: page.nodeId, children: page.children, experts: results, group: groupNodeResult(codes, counted, mode, threshold) };
	});
	const local = new Map(nodes.flatMap((n) => (n.group.result.complete ? [[n.nodeId, n.group.result.weights] as const] : [])));
	return { mode, threshold, nodes, experts, global: globalWeights(input.nodes, local), applicable: nodes.length > 0 && nodes.every((n) => n.group.result.complete) };
}
