/**
 * Heterotrait–monotrait ratio of correlations (Henseler, Ringle & Sarstedt 2015), a
 * discriminant-validity check that needs only the item correlation matrix. Absolute
 * correlations are averaged (as SmartPLS and cSEM do) so reverse-worded items do not cancel out.
 */

function meanAbsCorrelation(r: readonly (readonly number[])[], a: readonly number[], b: readonly number[], same: boolean) {
	let sum = 0;
	let count = 0;
	for (const [x, i] of a.entries()) {
		for (const [y, j] of b.entries()) {
			if (same && y <= x) continue;
			sum += Math.abs(r[i][j]);
			count++;
		}
	}
	return sum / count;
}

/**
 * HTMT for every pair of blocks (symmetric matrix, diagonal null): mean heterotrait correlation
 * / √(mean monotrait A · mean monotrait B). Values above 0.85–0.90 suggest the constructs are not
 * distinct. Null where a block has a single item (no monotrait correlations exist).
 */
export function heterotraitMonotraitRatio(
	correlation: readonly (readonly number[])[],
	blocks: readonly (readonly number[])[]
): (number | null)[][] {
	const monotrait = blocks.map((b) => (b.length > 1 ? meanAbsCorrelation(correlation, b, b, true) : null));
	return blocks.map((a, j) =>
		blocks.map((b, k) => {
			const ma = monotrait[j];
			const mb = monotrait[k];
			if (j === k || ma === null || mb === null) return null;
			return meanAbsCorrelation(correlation, a, b, false) / Math.sqrt(ma * mb);
		})
	);
}
