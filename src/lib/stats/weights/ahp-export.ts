/**
 * CSV exports of an AHP round (pure): every stored judgment, and every result (each expert's and
 * the group's local weights with λmax, CI, CR; global weights). UTF-8 with BOM so Excel opens
 * Chinese; cells starting with = + - @ are neutralised.
 */
import Papa from 'papaparse';
import type { Judgment, NodeResult } from './ahp-round';
import type { RoundResults } from './ahp-results';
import type { TreeNode } from './ahp-tree';
import { epochToZonedIso } from '../../survey/zoned-time';

export interface ExportNode extends TreeNode {
	nameZh: string;
	nameEn: string;
}

export interface ExportExpert {
	token: string;
	label: string;
	email: string | null;
	submittedAt: number | null;
	excluded: boolean;
}

function encode(rows: (string | number | null)[][]): string {
	return '\uFEFF' + Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n' });
}

/** One row per judgment: value = how many times as important `row` is as `col`; times ISO 8601 in `timeZone`. */
export function judgmentsCsv(
	experts: readonly ExportExpert[],
	nodes: readonly ExportNode[],
	judgments: readonly (Judgment & { expertId: string; nodeId: string; updatedAt: number })[],
	timeZone: string
): string {
	const iso = (ms: number | null) => (ms === null ? '' : epochToZonedIso(ms, timeZone));
	const byToken = new Map(experts.map((e) => [e.token, e]));
	const code = (nodeId: string) => nodes.find((n) => n.id === nodeId)?.code ?? nodeId;
	const rows = judgments.map((j) => {
		const e = byToken.get(j.expertId);
		return [e?.label ?? '', e?.email ?? '', iso(e?.submittedAt ?? null), e?.excluded ? 1 : 0, code(j.nodeId), j.row, j.col, j.value, iso(j.updatedAt)];
	});
	return encode([['expert', 'email', 'submitted_at', 'excluded', 'node', 'row', 'col', 'value', 'updated_at'], ...rows]);
}

function resultRows(who: string, mode: string, nodeCode: string, children: readonly ExportNode[], r: NodeResult): (string | number)[][] {
	if (!r.complete) return [];
	return children.map((c) => [who, mode, nodeCode, c.code, c.nameZh, c.nameEn, r.weights[c.code], '', r.lambdaMax, r.ci, r.cr]);
}

/** Local weights per expert and for the group, then global weights down the tree. */
export function resultsCsv(results: RoundResults<ExportNode>, nodes: readonly ExportNode[]): string {
	const code = (nodeId: string) => nodes.find((n) => n.id === nodeId)?.code ?? nodeId;
	const header = ['who', 'mode', 'node', 'child', 'name_zh', 'name_en', 'local_weight', 'global_weight', 'lambda_max', 'ci', 'cr'];
	const rows: (string | number)[][] = [];
	for (const node of results.nodes) {
		node.experts.forEach((e, i) => rows.push(...resultRows(`expert:${results.experts[i].label}`, 'individual', code(node.nodeId), node.children, e.result)));
		rows.push(...resultRows(`group:${node.group.experts}`, results.mode, code(node.nodeId), node.children, node.group.result));
	}
	for (const g of results.global) {
		const n = nodes.find((x) => x.id === g.id)!;
		rows.push(['global', results.mode, n.parentId === null ? '' : code(n.parentId), g.code, n.nameZh, n.nameEn, g.local, g.global, '', '', '']);
	}
	return encode([header, ...rows]);
}
