/** Holm's step-down adjustment (methods.md §9): adjusted p in input order, each in [0, 1]. */
export function holmAdjust(p: readonly number[]): number[] {
	const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
	const adjusted = new Array<number>(p.length);
	let running = 0;
	order.forEach((i, rank) => {
		// Monotone: an adjusted p is never below the one of a smaller raw p.
		running = Math.max(running, Math.min(1, (p.length - rank) * p[i]));
		adjusted[i] = running;
	});
	return adjusted;
}
