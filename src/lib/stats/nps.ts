/**
 * Net Promoter Score and the loyalty index (methods.md §5). NPS needs only the 0–10 histogram of
 * the recommendation item, so it is computed from stored statistics.
 */
import { fail, ok, type StatsIssue, type StatsResult } from './result';
import type { ItemStatistics } from './sufficient';
import { indexFromStatistics } from './sufficient-moments';
import { MIN_RELIABLE_N, type MeanInterval } from './trend';

export interface NpsResult {
	/** %(9–10) − %(0–6), −100..100. */
	nps: number;
	/** Shares in percent, 0–100. */
	promoters: number;
	passives: number;
	detractors: number;
	n: number;
	/** Standard error in NPS points: 100·√((p₊ + p₋ − (p₊ − p₋)²)/n). */
	se: number;
}

export type NpsGroup = 'detractor' | 'passive' | 'promoter';
export const NPS_GROUPS: readonly NpsGroup[] = ['detractor', 'passive', 'promoter'];

/** The group of one 0–10 answer: 0–6 detractor, 7–8 passive, 9–10 promoter. */
export function npsGroup(answer: number): NpsGroup {
	return answer >= 9 ? 'promoter' : answer >= 7 ? 'passive' : 'detractor';
}

/** NPS from counts of the answers 0..10 (11 counts); fails when nobody answered. */
export function npsFromHistogram(counts: readonly number[]): StatsResult<NpsResult> {
	if (counts.length !== 11) return fail('stats.npsScale', { points: counts.length });
	if (counts.some((c) => !(c >= 0))) return fail('stats.notFinite', { name: 'counts' });
	const n = counts.reduce((s, c) => s + c, 0);
	if (!(n > 0)) return fail('stats.tooFewRespondents', { name: 'NPS', needed: 1, actual: 0 });
	const promoters = (counts[9] + counts[10]) / n;
	const detractors = counts.slice(0, 7).reduce((s, c) => s + c, 0) / n;
	const se = 100 * Math.sqrt((promoters + detractors - (promoters - detractors) ** 2) / n);
	const warnings: StatsIssue[] = n < MIN_RELIABLE_N ? [{ code: 'stats.smallSample', params: { name: 'NPS', n, minimum: MIN_RELIABLE_N } }] : [];
	const result = { nps: 100 * (promoters - detractors), promoters: 100 * promoters, passives: 100 * (1 - promoters - detractors), detractors: 100 * detractors, n, se };
	return ok(result, warnings);
}

/** NPS of item `item` (0-based) from statistics kept with a 0–10 scale. */
export function npsFromStatistics(stats: ItemStatistics, item: number): StatsResult<NpsResult> {
	const scale = stats.scales?.[item];
	if (!stats.histograms || !scale || scale.lo !== 0 || scale.hi !== 10) return fail('stats.npsScale', { points: scale ? scale.hi - scale.lo + 1 : 0 });
	return npsFromHistogram(stats.histograms[item]);
}

/** Loyalty index 0–100 with CI: the §1 index of statistics kept over the loyalty items (repurchase, recommend, price tolerance). */
export function loyaltyIndex(loyaltyItems: ItemStatistics, weights?: readonly number[], level = 0.95): StatsResult<MeanInterval> {
	return indexFromStatistics(loyaltyItems, weights ?? new Array<number>(loyaltyItems.k).fill(1), level);
}
