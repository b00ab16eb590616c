/**
 * Report sections computed from one set of merged statistics: the item table, reliability per
 * dimension, importance–performance of the CSI items, NPS and loyalty, the two loyalty segment
 * cross-tabs and SERVQUAL gaps. Each uses the engine; none rescans responses.
 */
import { importancePerformance, type IpaQuadrant } from '../ipa';
import { npsFromStatistics, type NpsResult } from '../nps';
import { averageVarianceExtracted, compositeReliability, cronbachAlpha, reliabilityFlags } from '../reliability';
import type { StatsIssue } from '../result';
import { satisfactionLoyaltySegments, valueLoyaltyTypes, type AnswerPair, type LoyaltySegment, type RelationshipType, type SegmentCounts } from '../segments';
import { servqualFromStatistics, type ServqualResult } from '../servqual';
import { itemSummaries, type ItemSummary } from '../sufficient-moments';
import { itemMeanComposites } from '../model-analysis-composites';
import type { CellData } from './cells';
import { compositeCorrelations, indexEstimate, momentsOf, type IndexEstimate } from './estimates';
import type { AnalysisLayout } from './layout';
import { subtreeColumns, type Names, type ReportStructure } from './structure';

export interface ItemRow extends ItemSummary {
	code: string;
	item: string;
	part: 'single' | 'perception' | 'expectation';
	kind: string;
	scale: { lo: number; hi: number };
	reversed: boolean;
	dimension: string | null;
	/** Item score 0–100 from the mean, null when nobody answered. */
	score: number | null;
}

/** Who was asked a conditional item: `n` of the report's `of` responses were shown it. */
export interface Asked {
	n: number;
	of: number;
}

/**
 * Asked counts of a conditional item, null for an item everybody is shown. Hidden is missing by
 * design, so the row's missing count becomes those who were shown the item and left it blank.
 */
export function askedRow<R extends { item: string; n: number; missing: number }>(row: R, cell: CellData): R & { asked: Asked | null } {
	const shown = cell.shown?.[row.item];
	if (shown === undefined) return { ...row, asked: null };
	return { ...row, missing: shown - row.n, asked: { n: shown, of: cell.stats.rows } };
}

/** "Asked of n of N (condition)" in the reader's language; empty for an item everybody is shown. */
export function askedText(row: { asked: Asked | null; condition: { zh: string; en: string } | null }, zh: boolean, t: (key: string, params?: Record<string, string | number>) => string): string {
	if (!row.asked) return '';
	const counts = { n: row.asked.n, total: row.asked.of };
	return row.condition ? t('report.asked', { ...counts, condition: zh ? row.condition.zh : row.condition.en }) : t('report.askedOnly', counts);
}

export interface ReliabilityRow {
	dimension: string;
	items: string[];
	alpha: number | null;
	alphaIfDeleted: { code: string; value: number | null }[];
	rhoC: number | null;
	ave: number | null;
	flags: StatsIssue[];
	issue: StatsIssue | null;
}

export interface IpaSection {
	crosshair: { importance: number; performance: number };
	criterion: 'satisfaction' | 'csi';
	/** n = respondents who answered the item. */
	items: { code: string; label: Names; n: number; importance: number; performance: number; quadrant: IpaQuadrant }[];
}

export interface LoyaltySection {
	nps: (NpsResult & { item: string }) | null;
	index: IndexEstimate | null;
	items: string[];
}

/** One axis of a segment table: the item, its scale and the lowest answer that counts as high. */
export interface SegmentAxis {
	code: string;
	label: Names;
	scale: { lo: number; hi: number };
	high: number;
}

export type SegmentTable<S extends string> = SegmentCounts<S> & { axes: [SegmentAxis, SegmentAxis] };

export interface SegmentSection {
	satisfactionLoyalty: SegmentTable<LoyaltySegment> | null;
	valueLoyalty: SegmentTable<RelationshipType> | null;
}

/** Researcher-set 'high' thresholds (scale points) of the segment axes. */
export interface SegmentCutoffs {
	satisfaction?: number;
	loyalty?: number;
	value?: number;
}

/** One row per column: n, mean, SD, top-2-box, histogram, score. */
export function itemTable(stats: CellData['stats'], layout: AnalysisLayout, structure: ReportStructure): ItemRow[] {
	return itemSummaries(stats).map((s, i) => {
		const c = layout.columns[i];
		const score = s.mean === null ? null : ((s.mean - c.scale.lo) / (c.scale.hi - c.scale.lo)) * 100;
		return { ...s, code: c.code, item: c.item, part: c.part, kind: c.kind, scale: c.scale, reversed: c.reversed, dimension: structure.dimensionOf.get(i) ?? null, score };
	});
}

/** Cronbach α (and α if deleted), ρC and AVE from item-mean loadings, with the rule-of-thumb flags. */
export function reliabilityTable(stats: CellData['stats'], layout: AnalysisLayout, structure: ReportStructure): ReliabilityRow[] {
	return structure.dimensions.map((d) => {
		const columns = subtreeColumns(d);
		const items = columns.map((c) => layout.columns[c].code);
		const empty = { dimension: d.code, items, alpha: null, alphaIfDeleted: [], rhoC: null, ave: null, flags: [] };
		if (columns.length < 2) return { ...empty, issue: { code: 'stats.reliability.tooFewItems', params: { items: columns.length } } };
		const moments = momentsOf(stats, columns);
		if (!moments) return { ...empty, issue: { code: 'stats.report.tooFewPairs' } };
		const alpha = cronbachAlpha(moments.cov);
		if (!alpha.ok) return { ...empty, issue: alpha.error };
		const composites = itemMeanComposites(moments, [columns.map((_, i) => i)], [d.code], layout.columns[columns[0]].scale);
		const loadings = composites.ok ? composites.value.byConstruct[0].loadings : null;
		const rhoC = loadings && compositeReliability(loadings);
		const ave = loadings && averageVarianceExtracted(loadings);
		const flags = reliabilityFlags({
			construct: d.code,
			alpha: alpha.value.alpha,
			compositeReliability: rhoC ?? 1,
			ave: ave ?? 1,
			loadings: loadings ? items.map((item, i) => ({ item, loading: loadings[i] })) : []
		});
		const alphaIfDeleted = items.map((code, i) => ({ code, value: alpha.value.alphaIfDeleted[i] }));
		return { ...empty, alpha: alpha.value.alpha, alphaIfDeleted, rhoC, ave, flags, issue: null };
	});
}

/** IPA of the CSI items: importance = correlation with overall satisfaction (or the CSI), clipped at 0; performance = item score. */
export function ipaSection(stats: CellData['stats'], items: readonly (ItemRow & { label: Names })[], structure: ReportStructure, csi: { columns: number[]; weights: number[] }): IpaSection | null {
	const useCriterion = structure.criterion !== null && !csi.columns.includes(structure.criterion);
	const columns = useCriterion ? [...csi.columns, structure.criterion!] : csi.columns;
	const moments = momentsOf(stats, columns);
	if (!moments || csi.columns.length < 2) return null;
	const local = csi.columns.map((_, i) => i);
	const criterion = useCriterion ? { columns: [columns.length - 1], weights: [1] } : { columns: local, weights: csi.weights };
	const r = compositeCorrelations(moments, [...local.map((i) => ({ columns: [i], weights: [1] })), criterion]);
	const rows = csi.columns.map((c, i) => ({ code: items[c].code, label: items[c].label, n: items[c].n, importance: Math.max(0, r[i][local.length] ?? 0), performance: items[c].score ?? NaN }));
	const ipa = importancePerformance(rows);
	if (!ipa.ok) return null;
	const { importance, performance } = ipa.value.crosshair;
	return { crosshair: { importance, performance }, criterion: useCriterion ? 'satisfaction' : 'csi', items: rows.map((row, i) => ({ ...row, quadrant: ipa.value.quadrants[i] })) };
}

/** NPS of the 0–10 recommendation item and the loyalty index of the loyalty items. */
export function loyaltySection(stats: CellData['stats'], layout: AnalysisLayout, structure: ReportStructure): LoyaltySection | null {
	if (structure.nps === null && structure.loyalty.length === 0) return null;
	const nps = structure.nps === null ? null : npsFromStatistics(stats, structure.nps);
	const index = structure.loyalty.length > 0 ? indexEstimate(stats, structure.loyalty, structure.loyalty.map(() => 1)) : null;
	return {
		nps: nps?.ok ? { ...nps.value, item: layout.columns[structure.nps!].code } : null,
		index,
		items: structure.loyalty.map((c) => layout.columns[c].code)
	};
}

function pairsOf(counts: Record<string, number>): AnswerPair[] {
	return Object.entries(counts).map(([xy, n]) => {
		const [x, y] = xy.split('|').map(Number);
		return [x, y, n] as const;
	});
}

/** A set threshold when it lies on the scale above its lowest point, else the default (top two points). */
function cutoffOn(scale: { lo: number; hi: number }, set: number | undefined): number | undefined {
	return set !== undefined && set > scale.lo && set <= scale.hi ? set : undefined;
}

/** Satisfaction × loyalty and value × loyalty segments from the stored joint counts (high = top two points unless `cutoffs` say otherwise). */
export function segmentSection(cell: CellData, layout: AnalysisLayout, structure: ReportStructure, labels: ReadonlyMap<string, Names>, cutoffs: SegmentCutoffs = {}): SegmentSection {
	const scaleOf = (code: string) => layout.columns.find((c) => c.code === code)!.scale;
	const out: SegmentSection = { satisfactionLoyalty: null, valueLoyalty: null };
	for (const [a, b] of layout.joints) {
		const counts = cell.joint[`${a}|${b}`];
		if (!counts) continue;
		const isValue = structure.value !== null && layout.columns[structure.value].code === a;
		const first = { scale: scaleOf(a), high: cutoffOn(scaleOf(a), isValue ? cutoffs.value : cutoffs.satisfaction) };
		const second = { scale: scaleOf(b), high: cutoffOn(scaleOf(b), cutoffs.loyalty) };
		const r = isValue ? valueLoyaltyTypes(pairsOf(counts), first, second) : satisfactionLoyaltySegments(pairsOf(counts), first, second);
		if (!r.ok) continue;
		const axis = (code: string, scale: { lo: number; hi: number }, high: number): SegmentAxis => ({ code, label: labels.get(code) ?? { zh: code, en: code }, scale, high });
		const table = { ...r.value, axes: [axis(a, first.scale, r.value.cutoffs[0]), axis(b, second.scale, r.value.cutoffs[1])] as [SegmentAxis, SegmentAxis] };
		if (isValue) out.valueLoyalty = table as SegmentTable<RelationshipType>;
		else out.satisfactionLoyalty = table as SegmentTable<LoyaltySegment>;
	}
	return out;
}

/** SERVQUAL gaps when the survey has expectation–perception pairs; weighted by direct points when every dimension has them. */
export function servqualSection(stats: CellData['stats'], structure: ReportStructure): ServqualResult | null {
	if (structure.servqual.length === 0) return null;
	const points = structure.dimensions.every((d) => typeof d.weights.direct === 'number')
		? Object.fromEntries(structure.dimensions.map((d) => [d.code, d.weights.direct]))
		: undefined;
	const used = new Set(structure.servqual.map((s) => s.dimension));
	const r = servqualFromStatistics(stats, structure.servqual, points && Object.fromEntries(Object.entries(points).filter(([d]) => used.has(d))));
	return r.ok ? r.value : null;
}
