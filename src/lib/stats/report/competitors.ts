/**
 * Competitor figures of a report (methods.md §9): for each brand, the CSI, each dimension and each
 * item scored with our own weights for us and for the brand, among the respondents who rated both,
 * with the paired gap (us − them, 0–100 points), its t CI and p; McNemar on top-2-box per item;
 * Holm over the dimensions of a brand. Computed from respondents' answers, so each respondent's
 * index is exact (weights renormalised over the items that respondent rated for both brands).
 */
import { allItems, brandAnswerCodes, BRAND_SEPARATOR, type Answers, type Competitor, type SurveyDefinition } from '../../survey/definition';
import { differenceSummary, holm, mcnemar, pairedTest } from '../paired';
import type { AnalysisColumn } from './layout';
import type { Names } from './structure';

export interface Gap {
	/** Means over the respondents who rated both, 0–100. */
	ours: number;
	theirs: number;
	/** ours − theirs, with its 95 % t CI and two-sided paired p; null p when the differences do not vary. */
	difference: number;
	lower: number | null;
	upper: number | null;
	p: number | null;
	/** Respondents who rated both. */
	n: number;
}

export interface GapRow {
	code: string;
	name: Names;
	gap: Gap | null;
}

export interface DimensionGapRow extends GapRow {
	/** Holm-adjusted p over the brand's dimensions, and whether it is below 0.05. */
	pHolm: number | null;
	significant: boolean;
}

export interface ItemGapRow extends GapRow {
	/** Exact McNemar p on top-2-box (b: only ours in the top two points, c: only theirs). */
	topTwo: { b: number; c: number; p: number } | null;
}

/** Importance × competitive-gap quadrants (重要性–竞争差异矩阵). */
export type GapQuadrant = 'advantageToKeep' | 'urgentGap' | 'minorGap' | 'minorAdvantage';

export interface MatrixPoint {
	code: string;
	name: Names;
	/** The dimension's weight under the report's method (0–1). */
	importance: number;
	/** ours − theirs, 0–100 points. */
	gap: number;
	quadrant: GapQuadrant;
}

/** The gaps of one period (a bucket of the report's period unit), each tested on that period's pairs alone. */
export interface GapTrendPoint {
	period: string;
	csi: Gap | null;
	dimensions: Record<string, Gap | null>;
}

export interface BrandSection {
	code: string;
	name: Names;
	csi: Gap | null;
	/** Dimensions with a gap, placed by importance (high: at or above the mean weight) and gap (ahead: ≥ 0). */
	matrix: MatrixPoint[];
	/** The matrix's importance cross-hair: the mean weight of its dimensions (the gap's is 0). */
	matrixCrosshair: number;
	/** Our CSI over theirs, and the share of respondents (0–1) whose CSI for us is higher. */
	relative: { ratio: number; shareHigher: number } | null;
	dimensions: DimensionGapRow[];
	items: ItemGapRow[];
	/** The CSI's and each dimension's gap per period, oldest first (empty without periods). */
	trend: GapTrendPoint[];
}

export interface WeightedColumns {
	columns: readonly number[];
	weights: readonly number[];
}

export interface CompetitorInput {
	competitors: readonly Competitor[];
	answers: readonly Answers[];
	/** The period of each of `answers` (same order), for the gap trend; no trend without them. */
	periods?: readonly string[];
	columns: readonly AnalysisColumn[];
	csi: WeightedColumns;
	/** Dimensions with their importance (the report method's weight). */
	dimensions: readonly (WeightedColumns & { code: string; name: Names; importance: number })[];
	items: readonly { column: number; name: Names }[];
}

/** A recoded answer on 0–100, or null when it is not a point of the column's scale. */
function score(answer: unknown, c: AnalysisColumn): number | null {
	const { lo, hi } = c.scale;
	if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < lo || answer > hi) return null;
	const x = c.reversed ? lo + hi - answer : answer;
	return ((x - lo) / (hi - lo)) * 100;
}

/** Each respondent's index for us and for the brand over the items they rated for both (null: none). */
function pairedIndexes(input: CompetitorInput, brand: string, node: WeightedColumns): { ours: (number | null)[]; theirs: (number | null)[] } {
	const ours: (number | null)[] = [];
	const theirs: (number | null)[] = [];
	for (const answers of input.answers) {
		let weight = 0;
		let a = 0;
		let b = 0;
		node.columns.forEach((col, i) => {
			const c = input.columns[col];
			const x = score(answers[c.code], c);
			const y = score(answers[c.code + BRAND_SEPARATOR + brand], c);
			if (x === null || y === null || !(node.weights[i] > 0)) return;
			weight += node.weights[i];
			a += node.weights[i] * x;
			b += node.weights[i] * y;
		});
		ours.push(weight > 0 ? a / weight : null);
		theirs.push(weight > 0 ? b / weight : null);
	}
	return { ours, theirs };
}

function mean(values: readonly (number | null)[], keep: readonly (number | null)[]): number {
	let sum = 0;
	let n = 0;
	values.forEach((v, i) => {
		if (v !== null && keep[i] !== null) (sum += v), n++;
	});
	return sum / n;
}

function gapOf(ours: (number | null)[], theirs: (number | null)[]): Gap | null {
	const d = differenceSummary(ours, theirs);
	if (d.n === 0) return null;
	const test = pairedTest(d);
	const base = { ours: mean(ours, theirs), theirs: mean(theirs, ours), difference: d.mean, n: d.n };
	return test.ok ? { ...base, lower: test.value.ci.lower, upper: test.value.ci.upper, p: test.value.p } : { ...base, lower: null, upper: null, p: null };
}

type Pairs = ReturnType<typeof pairedIndexes>;

/** The gaps of the CSI and each dimension per period, from each respondent's paired indexes. */
function gapTrend(periods: readonly string[], csi: Pairs, dimensions: readonly { code: string; pairs: Pairs }[]): GapTrendPoint[] {
	// Each period's respondents, found once rather than once per series.
	const rowsOf = new Map<string, number[]>();
	periods.forEach((period, i) => (rowsOf.get(period) ?? rowsOf.set(period, []).get(period)!).push(i));
	const within = (pairs: Pairs, rows: readonly number[]) => gapOf(rows.map((i) => pairs.ours[i]), rows.map((i) => pairs.theirs[i]));
	return [...rowsOf.keys()].sort().map((period) => {
		const rows = rowsOf.get(period)!;
		return { period, csi: within(csi, rows), dimensions: Object.fromEntries(dimensions.map((d) => [d.code, within(d.pairs, rows)])) };
	});
}

function topTwo(input: CompetitorInput, brand: string, column: number): ItemGapRow['topTwo'] {
	const c = input.columns[column];
	const threshold = ((c.scale.hi - 1 - c.scale.lo) / (c.scale.hi - c.scale.lo)) * 100;
	let b = 0;
	let cc = 0;
	for (const answers of input.answers) {
		const x = score(answers[c.code], c);
		const y = score(answers[c.code + BRAND_SEPARATOR + brand], c);
		if (x === null || y === null) continue;
		if (x >= threshold && y < threshold) b++;
		else if (y >= threshold && x < threshold) cc++;
	}
	const test = mcnemar(b, cc);
	return test.ok ? { b, c: cc, p: test.value.pShown } : null;
}

function brandSection(input: CompetitorInput, competitor: Competitor): BrandSection {
	const brand = competitor.code;
	const csiPairs = pairedIndexes(input, brand, input.csi);
	const csi = gapOf(csiPairs.ours, csiPairs.theirs);
	const rows = input.dimensions.map((d) => {
		const pairs = pairedIndexes(input, brand, d);
		return { code: d.code, name: d.name, pairs, gap: gapOf(pairs.ours, pairs.theirs) };
	});
	const adjusted = holm(rows.map((r) => r.gap?.p ?? NaN));
	const dimensions = rows.map(({ pairs: _, ...r }, i) => ({ ...r, pHolm: Number.isNaN(adjusted[i]) ? null : adjusted[i], significant: adjusted[i] < 0.05 }));
	const items = input.items.map(({ column, name }) => {
		const pairs = pairedIndexes(input, brand, { columns: [column], weights: [1] });
		return { code: input.columns[column].code, name, gap: gapOf(pairs.ours, pairs.theirs), topTwo: topTwo(input, brand, column) };
	});
	const higher = csiPairs.ours.filter((v, i) => v !== null && csiPairs.theirs[i] !== null && v > csiPairs.theirs[i]!).length;
	const relative = csi && csi.theirs > 0 ? { ratio: csi.ours / csi.theirs, shareHigher: higher / csi.n } : null;
	const name = { zh: competitor.name['zh-CN'] || competitor.name.en || brand, en: competitor.name.en || competitor.name['zh-CN'] || brand };
	const matrix = gapMatrix(input, dimensions);
	const trend = input.periods ? gapTrend(input.periods, csiPairs, rows) : [];
	return { code: brand, name, csi, matrix, matrixCrosshair: meanImportance(matrix), relative, dimensions, items, trend };
}

const meanImportance = (points: readonly { importance: number }[]) => points.reduce((s, p) => s + p.importance, 0) / Math.max(1, points.length);

/** Quadrant of each dimension with a gap; the importance cross-hair is the mean weight of those dimensions. */
export function gapMatrix(input: Pick<CompetitorInput, 'dimensions'>, rows: readonly GapRow[]): MatrixPoint[] {
	const placed = rows.flatMap((r, i) => (r.gap ? [{ code: r.code, name: r.name, importance: input.dimensions[i].importance, gap: r.gap.difference }] : []));
	const cross = meanImportance(placed);
	return placed.map((p) => {
		const high = p.importance >= cross;
		const quadrant: GapQuadrant = p.gap < 0 ? (high ? 'urgentGap' : 'minorGap') : high ? 'advantageToKeep' : 'minorAdvantage';
		return { ...p, quadrant };
	});
}

/** One section per competitor, in the order they are named. */
export function competitorSections(input: CompetitorInput): BrandSection[] {
	return input.competitors.map((c) => brandSection(input, c));
}

/** Columns (indices) whose answers are also rated for competitors, with the item texts. */
export function brandedColumns(definition: SurveyDefinition, columns: readonly AnalysisColumn[]): { column: number; name: Names }[] {
	const rated = new Set(allItems(definition).flatMap((item) => brandAnswerCodes(item).map((b) => b.code.slice(0, b.code.lastIndexOf(BRAND_SEPARATOR)))));
	const text = new Map(allItems(definition).map((item) => [item.code, item.text]));
	return columns.flatMap((c, column) => {
		if (!rated.has(c.code) || c.part === 'expectation') return [];
		const t = text.get(c.item);
		const zh = t?.['zh-CN'] || t?.en || c.item;
		return [{ column, name: { zh, en: t?.en || zh } }];
	});
}
