/**
 * AHP expert rounds (pure): the comparison pairs of a node's children, Saaty's verbal 1–9 scale in
 * both directions, matrices built from stored judgments, and each expert's and the group's
 * priorities. The maths itself lives in lib/stats/weights (ahp.ts, ahp-group.ts).
 */
import { ahpWeights, CR_THRESHOLD, reciprocalMatrix, type AhpResult } from './ahp';
import { groupAhpJudgments, groupAhpPriorities } from './ahp-group';

/** The node id that stands for the system itself, whose children are the level-1 dimensions. */
export const ROOT_NODE = 'root';
export { CR_THRESHOLD };

/** One comparison: "how much more important is `row` than `col`?" (codes, row first among siblings). */
export interface Pair {
	row: string;
	col: string;
}

/** A stored judgment: `row` is `value` times as important as `col` (value > 0). */
export interface Judgment extends Pair {
	value: number;
}

/** Every pair of children, in sibling order (i < j): n(n − 1)/2 of them. */
export function comparisonPairs(childCodes: readonly string[]): Pair[] {
	return childCodes.flatMap((row, i) => childCodes.slice(i + 1).map((col) => ({ row, col })));
}

/**
 * One point of the 17-point radio scale, from "row extremely more important" (9) through
 * "equal" (1) to "col extremely more important" (1/9). `choice` is the form value: the
 * strength, negative when the right-hand (col) element is the more important one.
 */
export interface ScalePoint {
	choice: number;
	value: number;
	strength: number;
	side: 'row' | 'equal' | 'col';
	/** Message key of the verbal judgment, e.g. ahp.scale.5 "strongly more important". */
	labelKey: string;
}

const strengths = [9, 8, 7, 6, 5, 4, 3, 2];

/** The 17 points, left extreme first. */
export const SAATY_SCALE: readonly ScalePoint[] = [
	...strengths.map((s): ScalePoint => ({ choice: s, value: s, strength: s, side: 'row', labelKey: `ahp.scale.${s}` })),
	{ choice: 1, value: 1, strength: 1, side: 'equal', labelKey: 'ahp.scale.1' },
	...[...strengths].reverse().map((s): ScalePoint => ({ choice: -s, value: 1 / s, strength: s, side: 'col', labelKey: `ahp.scale.${s}` }))
];

/** The judgment value of a form choice ("5" → 5, "-3" → 1/3); undefined when not on the scale. */
export function valueOfChoice(choice: string | number | null | undefined): number | undefined {
	if (choice === null || choice === undefined || choice === '') return undefined;
	const n = Number(choice);
	return SAATY_SCALE.find((p) => p.choice === n)?.value;
}

/** The scale point nearest to any positive ratio (on the log scale), e.g. 2.7 → 3, 0.3 → 1/3. */
export function nearestScalePoint(value: number): ScalePoint {
	const distance = (p: ScalePoint) => Math.abs(Math.log(p.value) - Math.log(value));
	return SAATY_SCALE.reduce((best, p) => (distance(p) < distance(best) ? p : best));
}

/** The value of `row` over `col` from judgments stored in either orientation, if answered. */
export function judgmentFor(judgments: readonly Judgment[], row: string, col: string): number | undefined {
	for (const j of judgments) {
		if (j.row === row && j.col === col) return j.value;
		if (j.row === col && j.col === row) return 1 / j.value;
	}
	return undefined;
}

/** The full reciprocal matrix over the children, or the pairs still unanswered. */
export function matrixFromJudgments(
	childCodes: readonly string[],
	judgments: readonly Judgment[]
): { matrix: number[][]; missing: [] } | { matrix: null; missing: Pair[] } {
	const pairs = comparisonPairs(childCodes);
	const missing = pairs.filter((p) => !(Number(judgmentFor(judgments, p.row, p.col)) > 0));
	if (missing.length > 0) return { matrix: null, missing };
	const upper = childCodes.slice(0, -1).map((row, i) => childCodes.slice(i + 1).map((col) => judgmentFor(judgments, row, col)!));
	return { matrix: childCodes.length < 2 ? [[1]] : reciprocalMatrix(upper), missing: [] };
}

/** A judgment that departs from what the expert's other answers imply, for the "revise" list. */
export interface Inconsistency extends Pair {
	judgment: number;
	/** wᵣₒw/w꜀ₒₗ: the ratio that would fit the expert's other answers. */
	implied: number;
}

/** One expert's (or the group's) result for one node. */
export type NodeResult =
	| { complete: false; missing: Pair[] }
	| {
			complete: true;
			/** Local weights by child code, Σ = 1. */
			weights: Record<string, number>;
			lambdaMax: number;
			ci: number;
			cr: number;
			consistent: boolean;
			/** The judgments contributing most to inconsistency, worst first (up to 3, only when CR ≥ threshold). */
			worst: Inconsistency[];
	  };

function toNodeResult(childCodes: readonly string[], r: Pick<AhpResult, 'weights' | 'lambdaMax' | 'ci' | 'cr' | 'deviations'>, threshold: number): NodeResult {
	const consistent = r.cr < threshold;
	return {
		complete: true,
		weights: Object.fromEntries(childCodes.map((code, i) => [code, r.weights[i]])),
		lambdaMax: r.lambdaMax,
		ci: r.ci,
		cr: r.cr,
		consistent,
		worst: consistent
			? []
			: r.deviations.slice(0, 3).map((d) => ({ row: childCodes[d.row], col: childCodes[d.col], judgment: d.judgment, implied: d.implied }))
	};
}

/** Local weights, λmax, CI and CR of one expert's judgments on one node (threshold default 0.10). */
export function expertNodeResult(childCodes: readonly string[], judgments: readonly Judgment[], threshold = CR_THRESHOLD): NodeResult {
	const built = matrixFromJudgments(childCodes, judgments);
	if (!built.matrix) return { complete: false, missing: built.missing };
	const r = ahpWeights(built.matrix);
	// Judgments come from the scale (positive, reciprocal by construction), so this cannot fail.
	if (!r.ok) throw new Error(`AHP failed on a scale-built matrix: ${r.error.code}`);
	return toNodeResult(childCodes, r.value, threshold);
}

export type GroupMode = 'aij' | 'aip';

/** The group result of one node over the included experts' complete judgments. */
export interface GroupNodeResult {
	mode: GroupMode;
	/** How many experts' matrices went in. */
	experts: number;
	/**
	 * Weights by the chosen mode; λmax, CI and CR are those of the element-wise geometric mean of
	 * the judgments (AIJ's matrix) — the group's consistency, whichever way priorities are pooled.
	 */
	result: NodeResult;
}

/** AIJ or AIP over the experts' judgments for one node; incomplete experts are left out. */
export function groupNodeResult(
	childCodes: readonly string[],
	experts: readonly (readonly Judgment[])[],
	mode: GroupMode,
	threshold = CR_THRESHOLD
): GroupNodeResult {
	const matrices = experts.map((j) => matrixFromJudgments(childCodes, j).matrix).filter((m): m is number[][] => m !== null);
	if (matrices.length === 0) return { mode, experts: 0, result: { complete: false, missing: comparisonPairs(childCodes) } };
	const aij = groupAhpJudgments(matrices);
	if (!aij.ok) throw new Error(`Group AHP failed on scale-built matrices: ${aij.error.code}`);
	let weights = aij.value.weights;
	if (mode === 'aip') {
		const aip = groupAhpPriorities(matrices);
		if (!aip.ok) throw new Error(`Group AHP failed on scale-built matrices: ${aip.error.code}`);
		weights = aip.value.weights;
	}
	return { mode, experts: matrices.length, result: toNodeResult(childCodes, { ...aij.value, weights }, threshold) };
}

/** One invited expert as typed by the researcher: "Name" or "Name <email>" or "Name, email". */
export interface ExpertEntry {
	label: string;
	email: string | null;
}

const EMAIL = /^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/;

/**
 * Parses the invite box, one expert per line (blank lines ignored); fails with the 1-based line
 * of the first entry that is too long or has a malformed email.
 */
export function parseExpertLines(text: string, maxLabel = 120): { ok: true; experts: ExpertEntry[] } | { ok: false; line: number; code: string } {
	const experts: ExpertEntry[] = [];
	const lines = text.split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i].trim();
		if (!line) continue;
		const match = /^(.*?)\s*(?:<([^>]*)>|,\s*(\S+@\S+))$/.exec(line);
		const label = (match ? match[1] : line).trim();
		const email = match ? (match[2] ?? match[3]).trim() : null;
		if (!label || label.length > maxLabel) return { ok: false, line: i + 1, code: label ? 'ahp.invite.labelTooLong' : 'ahp.invite.labelMissing' };
		if (email !== null && !EMAIL.test(email)) return { ok: false, line: i + 1, code: 'ahp.invite.emailInvalid' };
		experts.push({ label, email });
	}
	return { ok: true, experts };
}
