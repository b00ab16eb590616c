/** Direct weights (methods.md §2): expert or respondent points divided by their total. */
import { fail, ok, type StatsResult } from '../result';

/** Points (any non-negative unit, e.g. a 100-point allocation) → weights in [0, 1] summing to 1. */
export function directWeights(points: readonly number[]): StatsResult<number[]> {
	if (points.length === 0) return fail('stats.emptyInput', { name: 'points' });
	for (let i = 0; i < points.length; i++) {
		if (!Number.isFinite(points[i])) return fail('stats.notFinite', { name: 'points', row: i + 1, col: 1 });
		if (points[i] < 0) return fail('stats.negativeWeight', { item: i + 1, value: points[i] });
	}
	const total = points.reduce((s, p) => s + p, 0);
	if (!(total > 0)) return fail('stats.zeroTotalWeight');
	return ok(points.map((p) => p / total));
}
