/**
 * Two-way loyalty segments (methods.md §5): satisfaction × loyalty (Jones & Sasser) and
 * value × loyalty relationship types. Input is pairs of answers, optionally with a count so a
 * stored cross-tabulation works as well as raw rows.
 */
import { fail, ok, type StatsResult } from './result';
import { checkScale, type Scale } from './scores';

/** A value counts as high when ≥ `high`; the default is the top two points of the scale (hi − 1). */
export interface HighThreshold {
	scale: Scale;
	high?: number;
}

export type LoyaltySegment = 'apostle' | 'mercenary' | 'hostage' | 'defector';
export type RelationshipType = 'strategicPartner' | 'retain' | 'develop' | 'build';

export interface SegmentCounts<S extends string> {
	counts: Record<S, number>;
	/** Percent of the classified pairs, 0–100. */
	shares: Record<S, number>;
	/** Pairs classified (both answers present). */
	n: number;
	/** Pairs skipped because an answer was missing. */
	skipped: number;
	/** The 'high' thresholds used: first ≥ cutoffs[0] and second ≥ cutoffs[1] count as high. */
	cutoffs: [number, number];
}

/** [first, second, count = 1]; null = missing. */
export type AnswerPair = readonly [number | null, number | null, number?];

export const LOYALTY_SEGMENTS: readonly LoyaltySegment[] = ['apostle', 'mercenary', 'hostage', 'defector'];

function highCut(t: HighThreshold): StatsResult<number> {
	const s = checkScale(t.scale, 1);
	if (!s.ok) return s;
	const high = t.high ?? t.scale.hi - 1;
	return high >= t.scale.lo && high <= t.scale.hi ? ok(high) : fail('stats.thresholdOutOfScale', { threshold: high, lo: t.scale.lo, hi: t.scale.hi });
}

/** Index of the cell (high, high) = 0, (high, low) = 1, (low, high) = 2, (low, low) = 3; ties with the cut count as high. */
const quadrant = (x: number, y: number, cutX: number, cutY: number): number => (x >= cutX ? 0 : 2) + (y >= cutY ? 0 : 1);

/**
 * One respondent's satisfaction × loyalty segment with the same cut-offs as the cross-tab (default
 * top two points); null when an answer is missing. Fails on a threshold off its scale.
 */
export function loyaltySegmentClassifier(satisfaction: HighThreshold, loyalty: HighThreshold): StatsResult<(sat: number | null, loy: number | null) => LoyaltySegment | null> {
	const a = highCut(satisfaction);
	if (!a.ok) return a;
	const b = highCut(loyalty);
	if (!b.ok) return b;
	return ok((x, y) => (x === null || y === null || Number.isNaN(x) || Number.isNaN(y) ? null : LOYALTY_SEGMENTS[quadrant(x, y, a.value, b.value)]));
}

/** Cross-classifies pairs into four labels ordered (high, high), (high, low), (low, high), (low, low). */
function classify<S extends string>(pairs: Iterable<AnswerPair>, first: HighThreshold, second: HighThreshold, labels: readonly [S, S, S, S]): StatsResult<SegmentCounts<S>> {
	const a = highCut(first);
	if (!a.ok) return a;
	const b = highCut(second);
	if (!b.ok) return b;
	const tally = [0, 0, 0, 0];
	let skipped = 0;
	for (const [x, y, count = 1] of pairs) {
		if (x === null || y === null || Number.isNaN(x) || Number.isNaN(y)) skipped += count;
		else tally[quadrant(x, y, a.value, b.value)] += count;
	}
	const n = tally.reduce((s, c) => s + c, 0);
	if (n === 0) return fail('stats.tooFewRespondents', { name: 'segments', needed: 1, actual: 0 });
	const counts = Object.fromEntries(labels.map((l, i) => [l, tally[i]])) as Record<S, number>;
	const shares = Object.fromEntries(labels.map((l, i) => [l, (100 * tally[i]) / n])) as Record<S, number>;
	return ok({ counts, shares, n, skipped, cutoffs: [a.value, b.value] });
}

/** Apostle / mercenary / hostage / defector counts and shares from (satisfaction, loyalty) pairs. */
export function satisfactionLoyaltySegments(pairs: Iterable<AnswerPair>, satisfaction: HighThreshold, loyalty: HighThreshold): StatsResult<SegmentCounts<LoyaltySegment>> {
	return classify(pairs, satisfaction, loyalty, LOYALTY_SEGMENTS as [LoyaltySegment, LoyaltySegment, LoyaltySegment, LoyaltySegment]);
}

/** Strategic partner / retain / develop / build counts and shares from (value, loyalty) pairs. */
export function valueLoyaltyTypes(pairs: Iterable<AnswerPair>, value: HighThreshold, loyalty: HighThreshold): StatsResult<SegmentCounts<RelationshipType>> {
	return classify(pairs, value, loyalty, ['strategicPartner', 'retain', 'develop', 'build']);
}
