/**
 * Words over-represented in one group of texts against another: weighted log-odds ratios with an
 * informative Dirichlet prior (Monroe, Colaresi & Quinn 2008; methods.md §10). The prior shrinks
 * rare words towards "no difference", so a word said twice by one group does not top the list.
 */

export interface LogOddsRow {
	word: string;
	/** Counts in group i and group j. */
	countI: number;
	countJ: number;
	/** δ̂_w: log-odds in i minus log-odds in j (natural log); > 0 means over-represented in i. */
	delta: number;
	/** Approximate variance 1/(y_wi + α_w) + 1/(y_wj + α_w). */
	variance: number;
	/** δ̂_w / √variance. */
	z: number;
}

/**
 * Weighted log-odds of every word with a prior weight α_w > 0, in the order of `prior`.
 * α_0 = Σ α_w; n_i, n_j are the totals of the group counts over those words.
 */
export function weightedLogOdds(countsI: ReadonlyMap<string, number>, countsJ: ReadonlyMap<string, number>, prior: ReadonlyMap<string, number>): LogOddsRow[] {
	const words = [...prior].filter(([, a]) => a > 0);
	const alpha0 = words.reduce((s, [, a]) => s + a, 0);
	const total = (counts: ReadonlyMap<string, number>) => words.reduce((s, [w]) => s + (counts.get(w) ?? 0), 0);
	const nI = total(countsI);
	const nJ = total(countsJ);
	return words.map(([word, alpha]) => {
		const yI = countsI.get(word) ?? 0;
		const yJ = countsJ.get(word) ?? 0;
		const delta = Math.log((yI + alpha) / (nI + alpha0 - yI - alpha)) - Math.log((yJ + alpha) / (nJ + alpha0 - yJ - alpha));
		const variance = 1 / (yI + alpha) + 1 / (yJ + alpha);
		return { word, countI: yI, countJ: yJ, delta, variance, z: delta / Math.sqrt(variance) };
	});
}

