/**
 * Panel migration between consecutive waves: for the panelists (contacts) who answered both waves,
 * from → to counts between NPS groups (detractor, passive, promoter of the 0–10 recommendation
 * answer) and between satisfaction × loyalty segments (apostle, mercenary, hostage, defector with
 * the report's cut-offs). Counts only: nobody is named.
 */
import { NPS_GROUPS, npsGroup, type NpsGroup } from './nps';
import { ok, type StatsResult } from './result';
import { LOYALTY_SEGMENTS, loyaltySegmentClassifier, type HighThreshold, type LoyaltySegment } from './segments';

/** One panelist's answer in one wave; null = not answered (or not asked). */
export interface WaveAnswer {
	panelist: string;
	wave: number;
	recommend: number | null;
	satisfaction: number | null;
	loyalty: number | null;
}

export interface MigrationTable<S extends string> {
	labels: readonly S[];
	/** counts[from][to], in the order of `labels`. */
	counts: number[][];
	/** Panelists classified in both waves (the sum of `counts`). */
	n: number;
	/** Of them, those in the same group both times (the diagonal). */
	stayed: number;
}

export interface WaveMigration {
	from: number;
	to: number;
	/** Panelists with an answer in both waves. */
	panelists: number;
	nps: MigrationTable<NpsGroup>;
	segments: MigrationTable<LoyaltySegment> | null;
}

/** Cut-offs of the satisfaction × loyalty segments; null when the survey has no such pair. */
export type SegmentCutoffs = { satisfaction: HighThreshold; loyalty: HighThreshold } | null;

function table<S extends string>(labels: readonly S[], pairs: readonly [S, S][]): MigrationTable<S> {
	const counts = labels.map(() => labels.map(() => 0));
	for (const [a, b] of pairs) counts[labels.indexOf(a)][labels.indexOf(b)]++;
	const stayed = labels.reduce((s, _, i) => s + counts[i][i], 0);
	return { labels, counts, n: pairs.length, stayed };
}

/** Each panelist's answer per wave; a later answer in the same wave replaces an earlier one (input in submission order). */
function byWave(answers: readonly WaveAnswer[]): Map<number, Map<string, WaveAnswer>> {
	const waves = new Map<number, Map<string, WaveAnswer>>();
	for (const a of answers) {
		if (!waves.has(a.wave)) waves.set(a.wave, new Map());
		waves.get(a.wave)!.set(a.panelist, a);
	}
	return waves;
}

/**
 * One migration per pair of consecutive waves of `waves` (sorted, e.g. 1 → 2, 2 → 3). Fails only on
 * cut-offs off their scale.
 */
export function waveMigrations(answers: readonly WaveAnswer[], waves: readonly number[], cutoffs: SegmentCutoffs): StatsResult<WaveMigration[]> {
	const classify = cutoffs && loyaltySegmentClassifier(cutoffs.satisfaction, cutoffs.loyalty);
	if (classify && !classify.ok) return classify;
	const segmentOf = classify ? (a: WaveAnswer) => classify.value(a.satisfaction, a.loyalty) : () => null;
	const answered = byWave(answers);
	const sorted = [...new Set(waves)].sort((a, b) => a - b);
	return ok(
		sorted.slice(1).map((to, i) => {
			const from = sorted[i];
			const before = answered.get(from) ?? new Map<string, WaveAnswer>();
			const both = [...(answered.get(to)?.values() ?? [])].flatMap((after) => (before.has(after.panelist) ? [[before.get(after.panelist)!, after] as const] : []));
			const nps = both.flatMap(([a, b]) => (a.recommend === null || b.recommend === null ? [] : [[npsGroup(a.recommend), npsGroup(b.recommend)] as [NpsGroup, NpsGroup]]));
			const segments = both.flatMap(([a, b]) => {
				const [x, y] = [segmentOf(a), segmentOf(b)];
				return x && y ? [[x, y] as [LoyaltySegment, LoyaltySegment]] : [];
			});
			return { from, to, panelists: both.length, nps: table(NPS_GROUPS, nps), segments: cutoffs ? table(LOYALTY_SEGMENTS, segments) : null };
		})
	);
}
