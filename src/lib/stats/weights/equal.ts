/** Equal weights (methods.md §2): the default when nothing else is known. */
import { fail, ok, type StatsResult } from '../result';

/** n weights of 1/n each; fails when n < 1. */
export function equalWeights(n: number): StatsResult<number[]> {
	if (!(Number.isInteger(n) && n >= 1)) return fail('stats.emptyInput', { name: 'children' });
	return ok(new Array<number>(n).fill(1 / n));
}
