/**
 * How a survey's columns map onto its indicator system for a report: the CSI dimensions (level-1
 * nodes that are not outcomes) with their indicator subtrees and items, the outcome columns
 * (satisfaction criterion, loyalty, NPS, value), the SERVQUAL pairs and the structural model.
 * Without a system, each questionnaire section with scaled items is a dimension.
 */
import type { SurveyDefinition } from '../../survey/definition';
import { outcomeColumn, type AnalysisLayout } from './layout';

export interface ReportNodeInput {
	id: string;
	parentId: string | null;
	code: string;
	nameZh: string;
	nameEn: string;
	position: number;
	modelRole: string | null;
	weights: Record<string, number>;
}

export interface SystemInput {
	nodes: ReportNodeInput[];
	/** Structural paths by node code. */
	paths: { from: string; to: string }[];
}

export interface Names {
	zh: string;
	en: string;
}

export interface TreeNode {
	code: string;
	name: Names;
	weights: Record<string, number>;
	children: TreeNode[];
	/** Column indices of the items linked straight to this node. */
	columns: number[];
}

export interface Construct {
	code: string;
	name: Names;
	role: string | null;
	columns: number[];
}

export interface ReportStructure {
	dimensions: TreeNode[];
	/** Column of the overall-satisfaction criterion for derived weights, or null. */
	criterion: number | null;
	loyalty: number[];
	nps: number | null;
	value: number | null;
	/** Expectation–perception pairs by dimension (column indices). */
	servqual: { dimension: string; perception: number; expectation: number }[];
	/** Level-1 constructs and paths when the system has a structural model. */
	structural: { constructs: Construct[]; paths: [string, string][] } | null;
	/** The dimension code of each column in the CSI, by column index. */
	dimensionOf: Map<number, string>;
}

/** Model role of an indicator code: its node's own role, else the nearest ancestor's. */
export function inheritedRoles(system: SystemInput | null): (indicator: string | null) => string | null {
	const byCode = new Map((system?.nodes ?? []).map((n) => [n.code, n]));
	const byId = new Map((system?.nodes ?? []).map((n) => [n.id, n]));
	return (indicator) => {
		let node = indicator === null ? undefined : byCode.get(indicator);
		while (node && !node.modelRole) node = node.parentId ? byId.get(node.parentId) : undefined;
		return node?.modelRole ?? null;
	};
}

const OUTCOMES = new Set(['satisfaction', 'loyalty', 'complaints']);

/** Columns counted in scores: single items and perceptions, not NPS (a loyalty measure) nor expectations. */
const scored = (layout: AnalysisLayout, i: number) => layout.columns[i].part !== 'expectation' && layout.columns[i].kind !== 'nps';

function subtreeColumns(node: TreeNode): number[] {
	return [...node.columns, ...node.children.flatMap(subtreeColumns)];
}

/** Every column in the subtree of a node, depth first. */
export { subtreeColumns };

function buildTree(system: SystemInput, layout: AnalysisLayout, parentId: string | null): TreeNode[] {
	return system.nodes
		.filter((n) => n.parentId === parentId)
		.sort((a, b) => a.position - b.position)
		.map((n) => ({
			code: n.code,
			name: { zh: n.nameZh, en: n.nameEn },
			weights: n.weights,
			children: buildTree(system, layout, n.id),
			columns: layout.columns.flatMap((c, i) => (c.indicator === n.code && scored(layout, i) ? [i] : []))
		}))
		.map((node) => ({ ...node, children: node.children.filter((c) => subtreeColumns(c).length > 0) }));
}

function sectionDimensions(definition: SurveyDefinition, layout: AnalysisLayout): TreeNode[] {
	return definition.sections
		.map((s) => ({
			code: s.code,
			name: { zh: s.title['zh-CN'] ?? s.title.en ?? s.code, en: s.title.en ?? s.title['zh-CN'] ?? s.code },
			weights: {},
			children: [],
			columns: layout.columns.flatMap((c, i) => (s.items.some((item) => item.code === c.item) && scored(layout, i) ? [i] : []))
		}))
		.filter((d) => d.columns.length > 0);
}

/** The report's view of the survey: dimensions, outcomes, SERVQUAL pairs and structural model. */
export function reportStructure(layout: AnalysisLayout, definition: SurveyDefinition, system: SystemInput | null): ReportStructure {
	const roleOf = inheritedRoles(system);
	const structuralPaths = (system?.paths ?? []).filter((p) => p.from && p.to).map((p): [string, string] => [p.from, p.to]);
	const level1 = system ? buildTree(system, layout, null).filter((n) => subtreeColumns(n).length > 0) : [];
	const roleOfNode = (code: string) => system?.nodes.find((n) => n.code === code)?.modelRole ?? null;
	const isOutcome = (code: string) => OUTCOMES.has(roleOfNode(code) ?? '') || (structuralPaths.length === 0 && roleOfNode(code) === 'value');
	const dimensions = system ? level1.filter((n) => !isOutcome(n.code)) : sectionDimensions(definition, layout);
	const dimensionOf = new Map<number, string>();
	for (const d of dimensions) for (const i of subtreeColumns(d)) dimensionOf.set(i, d.code);
	const index = (code: string | undefined) => (code === undefined ? -1 : layout.columns.findIndex((c) => c.code === code));
	const found = (i: number) => (i >= 0 ? i : null);
	const nodeRole = (i: number) => roleOf(layout.columns[i].indicator);
	const loyalty = layout.columns.flatMap((c, i) => (c.part !== 'expectation' && (nodeRole(i) === 'loyalty' || c.kind === 'nps') ? [i] : []));
	const servqual = layout.columns.flatMap((c, i) => {
		if (c.part !== 'perception' || !dimensionOf.has(i)) return [];
		const e = index(c.item + '_E');
		return e >= 0 ? [{ dimension: dimensionOf.get(i)!, perception: i, expectation: e }] : [];
	});
	const structural =
		structuralPaths.length > 0
			? { constructs: level1.map((n) => ({ code: n.code, name: n.name, role: roleOfNode(n.code), columns: subtreeColumns(n) })), paths: structuralPaths }
			: null;
	const satisfactionColumns = layout.columns.flatMap((c, i) => (nodeRole(i) === 'satisfaction' && c.part !== 'expectation' ? [i] : []));
	return {
		dimensions,
		criterion: found(satisfactionColumns[0] ?? index(outcomeColumn(layout.columns, 'satisfaction', roleOf)?.code)),
		loyalty,
		nps: found(layout.columns.findIndex((c) => c.kind === 'nps')),
		value: found(index(outcomeColumn(layout.columns, 'value', roleOf)?.code)),
		servqual,
		structural,
		dimensionOf
	};
}
