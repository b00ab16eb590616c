/**
 * Seeded synthetic survey responses for benchmarks: constructs linked by paths (each latent score
 * a mix of its predecessors' plus noise), items = latent + noise rounded onto a 1–10 scale.
 */
import { mulberry32, type Random } from '../../src/lib/stats/random';

export interface SyntheticModel {
	constructs: { name: string; items: string[] }[];
	paths: [string, string][];
}

/** Standard normal draws by Box–Muller from a seeded uniform generator. */
function normal(random: Random): () => number {
	return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A model with the given block sizes named C1, C2, … (items c1_1, …); paths from the spec, or a chain. */
export function syntheticModel(blockSizes: readonly number[], paths?: [number, number][]): SyntheticModel {
	const constructs = blockSizes.map((k, j) => ({ name: `C${j + 1}`, items: Array.from({ length: k }, (_, i) => `c${j + 1}_${i + 1}`) }));
	const edges = paths ?? blockSizes.slice(1).map((_, j) => [j, j + 1] as [number, number]);
	return { constructs, paths: edges.map(([from, to]) => [constructs[from].name, constructs[to].name]) };
}

/** rows × items answers (row-major Float64Array) on 1–10 for `model`; constructs must be listed in path order. */
export function syntheticResponses(model: SyntheticModel, rows: number, seed: number): Float64Array {
	const draw = normal(mulberry32(seed));
	const names = model.constructs.map((c) => c.name);
	const predecessors = names.map((name) => model.paths.filter((p) => p[1] === name).map((p) => names.indexOf(p[0])));
	const k = model.constructs.reduce((s, c) => s + c.items.length, 0);
	const data = new Float64Array(rows * k);
	const latent = new Float64Array(names.length);
	for (let r = 0; r < rows; r++) {
		let column = r * k;
		for (const [j, c] of model.constructs.entries()) {
			const from = predecessors[j];
			const mix = from.reduce((s, i) => s + latent[i], 0) / Math.max(1, Math.sqrt(from.length));
			latent[j] = from.length ? 0.7 * mix + 0.7 * draw() : draw();
			for (let i = 0; i < c.items.length; i++) {
				data[column++] = Math.min(10, Math.max(1, Math.round(6.5 + 1.6 * (latent[j] + 0.6 * draw()))));
			}
		}
	}
	return data;
}

/** Row r of a row-major table as a view (no copy). */
export const rowView = (data: Float64Array, k: number, r: number) => data.subarray(r * k, (r + 1) * k);

/** The first `rows` rows as plain arrays, the form the raw-row engine functions take. */
export function rowArrays(data: Float64Array, k: number, rows = data.length / k): number[][] {
	return Array.from({ length: rows }, (_, r) => Array.from(rowView(data, k, r)));
}
