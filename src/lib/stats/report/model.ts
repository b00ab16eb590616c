/**
 * The report model: everything a survey report shows, as one JSON-serialisable object built from
 * store cells (already laid out over the survey's union layout and filtered), the survey's
 * definition and indicator system, and the weight method. The page renders it, the CSV and JSON
 * exports serialise it, and the API serves it.
 */
import { bucketOf, type PeriodUnit } from '../../survey/periods';
import type { Answers, SurveyDefinition } from '../../survey/definition';
import { npsChange } from '../trend';
import { npsFromStatistics } from '../nps';
import type { StatsIssue } from '../result';
import type { ServqualResult } from '../servqual';
import { sumCells, type CellData } from './cells';
import { brandedColumns, competitorSections, type BrandSection } from './competitors';
import { estimateChange, indexEstimate, type IndexEstimate } from './estimates';
import type { AnalysisLayout } from './layout';
import { askedRow, ipaSection, itemTable, type Asked, loyaltySection, reliabilityTable, segmentSection, servqualSection, type IpaSection, type ItemRow, type LoyaltySection, type ReliabilityRow, type SegmentCutoffs, type SegmentSection } from './sections';
import { compareGroups, type GroupComparison } from './comparison';
import { htmtSection, type HtmtSection } from './discriminant';
import { dropLocations, type DropLocation } from './drop-location';
import { columnLabels } from './labels';
import { reportStructure, type Names, type ReportStructure, type SystemInput, type TreeNode } from './structure';
import { structuralSection, type StructuralSection } from './structural';
import { chooseMethod, dimensionWeights, effectiveWeights, type MethodWeights, type ReportWeightMethod } from './weights';

export interface ReportCell {
	/** 'YYYY-MM'. */
	period: string;
	channel: string;
	data: CellData;
}

export interface ReportFilters {
	from: string | null;
	to: string | null;
	channels: string[];
	/** Answers of choice items that respondents must have given (code → option codes). */
	segment: Record<string, string[]>;
	/** Contact attribute values the respondents had when answering (attribute key → values); absent or empty for none. */
	contact?: Record<string, string[]>;
	unit: PeriodUnit;
	/** 'High' thresholds of the loyalty segments in scale points; default the top two points. */
	cutoffs?: SegmentCutoffs;
}

export interface ReportInput {
	survey: { id: string; code: string; title: string; timeZone: string };
	definition: SurveyDefinition;
	layout: AnalysisLayout;
	system: SystemInput | null;
	cells: readonly ReportCell[];
	filters: ReportFilters;
	storedMethod: string | null;
	source: 'store' | 'raw';
	/** The display condition of each conditional item as a sentence in both languages. */
	conditions?: Record<string, Names>;
	/** Answers of the filtered responses with their month 'YYYY-MM', when the survey rates competitors (their gaps are paired per respondent). */
	brandAnswers?: readonly { month: string; answers: Answers }[];
}

export type Change = { difference: number; p: number; significant: boolean } | null;

export interface DimensionRow {
	code: string;
	name: Names;
	weight: number | null;
	estimate: IndexEstimate | null;
	change: Change;
	indicators: { code: string; name: Names; estimate: IndexEstimate | null }[];
}

export interface TrendPoint {
	period: string;
	n: number;
	csi: IndexEstimate | null;
	change: Change;
	dimensions: Record<string, { score: number | null; n: number; change: Change }>;
	nps: number | null;
	npsChange: Change;
}

export interface ReportModel {
	survey: ReportInput['survey'];
	filters: ReportFilters;
	source: 'store' | 'raw';
	/** Responses behind the report. */
	n: number;
	method: { selected: ReportWeightMethod; stored: string | null };
	csi: { estimate: IndexEstimate | null; latest: TrendPoint | null; previous: TrendPoint | null };
	dimensions: DimensionRow[];
	/** Item rows; `asked` and `condition` say who was shown a conditional item ("asked of n of N"). */
	items: (ItemRow & { text: Names; label: Names; asked: Asked | null; condition: Names | null })[];
	reliability: ReliabilityRow[];
	/** Discriminant validity between the dimensions (HTMT), null when it cannot be computed. */
	htmt: HtmtSection | null;
	weights: MethodWeights[];
	dimensionCodes: string[];
	ipa: IpaSection | null;
	loyalty: LoyaltySection | null;
	segments: SegmentSection;
	servqual: ServqualResult | null;
	structural: StructuralSection | null;
	structuralIssue: StatsIssue | null;
	trend: TrendPoint[];
	/** The channel each significant fall in the trend is concentrated at, where one is (drop-location.ts). */
	drops: DropLocation[];
	comparison: GroupComparison[];
	/** One section per competitor (none when the survey names no competitors). */
	competitors: BrandSection[];
}

export interface Scoring {
	structure: ReportStructure;
	method: ReportWeightMethod;
	dimensionWeights: number[];
	csi: { columns: number[]; weights: number[] };
	dimension: Map<string, { columns: number[]; weights: number[] }>;
}

/** The CSI's and each dimension's columns and weights, for the chosen method's dimension weights. */
export function scoring(structure: ReportStructure, method: ReportWeightMethod, weights: number[]): Scoring {
	const dimension = new Map(structure.dimensions.map((d) => [d.code, effectiveWeights(d, method)]));
	const columns: number[] = [];
	const ws: number[] = [];
	structure.dimensions.forEach((d, i) => {
		const inner = dimension.get(d.code)!;
		columns.push(...inner.columns);
		ws.push(...inner.weights.map((w) => w * weights[i]));
	});
	return { structure, method, dimensionWeights: weights, csi: { columns, weights: ws }, dimension };
}

/** A trend point with what the next point's tests need (kept out of the JSON model). */
interface TrendStep {
	point: TrendPoint;
	dimensions: Map<string, IndexEstimate | null>;
	nps: { nps: number; se: number } | null;
}

function trendStep(period: string, cell: CellData, s: Scoring, previous: TrendStep | null): TrendStep {
	const csi = indexEstimate(cell.stats, s.csi.columns, s.csi.weights);
	const estimates = new Map<string, IndexEstimate | null>();
	const dimensions: TrendPoint['dimensions'] = {};
	for (const d of s.structure.dimensions) {
		const part = s.dimension.get(d.code)!;
		const e = indexEstimate(cell.stats, part.columns, part.weights);
		estimates.set(d.code, e);
		dimensions[d.code] = { score: e?.score ?? null, n: e?.n ?? 0, change: estimateChange(previous?.dimensions.get(d.code) ?? null, e) };
	}
	const nps = s.structure.nps === null ? null : npsFromStatistics(cell.stats, s.structure.nps);
	const current = nps?.ok ? nps.value : null;
	const change = current && previous?.nps ? npsChange(previous.nps, current) : null;
	const point: TrendPoint = {
		period,
		n: cell.stats.rows,
		csi,
		change: estimateChange(previous?.point.csi ?? null, csi),
		dimensions,
		nps: current?.nps ?? null,
		npsChange: change?.ok ? { difference: change.value.difference, p: change.value.p, significant: change.value.significant } : null
	};
	return { point, dimensions: estimates, nps: current };
}

function groupCells(cells: readonly ReportCell[], keyOf: (c: ReportCell) => string): [string, CellData][] {
	const groups = new Map<string, CellData[]>();
	for (const c of cells) groups.set(keyOf(c), [...(groups.get(keyOf(c)) ?? []), c.data]);
	return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => [k, sumCells(list)!]);
}

function trendOf(cells: readonly ReportCell[], unit: PeriodUnit, s: Scoring): TrendPoint[] {
	const steps: TrendStep[] = [];
	for (const [period, cell] of groupCells(cells, (c) => bucketOf(c.period, unit))) steps.push(trendStep(period, cell, s, steps.at(-1) ?? null));
	return steps.map((step) => step.point);
}

function dimensionRows(stats: CellData['stats'], s: Scoring, trend: TrendPoint[]): DimensionRow[] {
	const latest = trend.at(-1);
	return s.structure.dimensions.map((d: TreeNode, i) => {
		const part = s.dimension.get(d.code)!;
		return {
			code: d.code,
			name: d.name,
			weight: s.dimensionWeights[i] ?? null,
			estimate: indexEstimate(stats, part.columns, part.weights),
			change: latest?.dimensions[d.code]?.change ?? null,
			indicators: d.children.map((c) => {
				const w = effectiveWeights(c, s.method);
				return { code: c.code, name: c.name, estimate: indexEstimate(stats, w.columns, w.weights) };
			})
		};
	});
}

function competitorsOf(input: ReportInput, s: Scoring): BrandSection[] {
	const { definition, layout, brandAnswers } = input;
	if (!brandAnswers || !definition.competitors?.length) return [];
	const dimensions = s.structure.dimensions.map((d, i) => ({ code: d.code, name: d.name, importance: s.dimensionWeights[i] ?? 0, ...s.dimension.get(d.code)! }));
	return competitorSections({
		competitors: definition.competitors,
		answers: brandAnswers.map((b) => b.answers),
		periods: brandAnswers.map((b) => bucketOf(b.month, input.filters.unit)),
		columns: layout.columns,
		csi: s.csi,
		dimensions,
		items: brandedColumns(definition, layout.columns)
	});
}

function itemText(definition: SurveyDefinition, item: string): Names {
	const found = definition.sections.flatMap((s) => s.items).find((i) => i.code === item);
	const zh = found?.text['zh-CN'] ?? found?.text.en ?? item;
	return { zh, en: found?.text.en ?? zh };
}

/** The whole report from filtered cells; an empty report (n = 0) when no cell matches. */
export function buildReportModel(input: ReportInput): ReportModel {
	const { layout, definition } = input;
	const total = sumCells(input.cells.map((c) => c.data));
	const structure = reportStructure(layout, definition, input.system);
	const stats = total?.stats;
	const structural = stats ? structuralSection(stats, structure) : { section: null, dimensionWeights: null, issue: null };
	const weights = stats ? dimensionWeights(stats, structure, structural.dimensionWeights) : [];
	const method = chooseMethod(weights, input.storedMethod);
	const chosen = weights.find((w) => w.method === method)?.weights ?? structure.dimensions.map(() => 1 / Math.max(1, structure.dimensions.length));
	const s = scoring(structure, method, chosen);
	const trend = trendOf(input.cells, input.filters.unit, s);
	const labels = columnLabels(layout, definition, structure);
	const items = total
		? itemTable(total.stats, layout, structure).map((row) => ({ ...askedRow(row, total), text: itemText(definition, row.item), label: labels.get(row.code)!, condition: input.conditions?.[row.item] ?? null }))
		: [];
	return {
		survey: input.survey,
		filters: input.filters,
		source: input.source,
		n: total?.stats.rows ?? 0,
		method: { selected: method, stored: input.storedMethod },
		csi: { estimate: stats ? indexEstimate(stats, s.csi.columns, s.csi.weights) : null, latest: trend.at(-1) ?? null, previous: trend.at(-2) ?? null },
		dimensions: stats ? dimensionRows(stats, s, trend) : [],
		items,
		reliability: stats ? reliabilityTable(stats, layout, structure) : [],
		htmt: stats ? htmtSection(stats, structure) : null,
		weights,
		dimensionCodes: structure.dimensions.map((d) => d.code),
		ipa: stats ? ipaSection(stats, items, structure, s.csi) : null,
		loyalty: stats ? loyaltySection(stats, layout, structure) : null,
		segments: total ? segmentSection(total, layout, structure, labels, input.filters.cutoffs) : { satisfactionLoyalty: null, valueLoyalty: null },
		servqual: stats ? servqualSection(stats, structure) : null,
		structural: structural.section,
		structuralIssue: structural.issue,
		trend,
		drops: dropLocations(input.cells, input.filters.unit, trend, s),
		comparison: compareGroups(groupCells(input.cells, (c) => c.channel), s.csi),
		competitors: competitorsOf(input, s)
	};
}
