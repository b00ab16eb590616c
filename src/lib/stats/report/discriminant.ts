/**
 * Discriminant validity of the CSI dimensions: HTMT between every pair of dimensions from the
 * stored moments (pairwise item correlations), flagged at the usual 0.85 (strict) and 0.90
 * (lenient) thresholds of Henseler, Ringle & Sarstedt (2015).
 */
import { heterotraitMonotraitRatio } from '../htmt';
import { toCorrelation } from '../linalg-pls';
import type { ItemStatistics } from '../sufficient';
import { momentsOf } from './estimates';
import { subtreeColumns, type ReportStructure } from './structure';

export const HTMT_STRICT = 0.85;
export const HTMT_LENIENT = 0.9;

export interface HtmtSection {
	/** Dimension codes, in the order of the matrix. */
	dimensions: string[];
	/** Symmetric; null on the diagonal and where a dimension has a single item. */
	values: (number | null)[][];
	/** Pairs above a threshold, each once (first < second). */
	flags: { first: string; second: string; value: number; level: 'above085' | 'above090' }[];
}

/** HTMT of the dimensions; null with fewer than two dimensions, when a pair of items was never answered together twice, or an item never varies. */
export function htmtSection(stats: ItemStatistics, structure: ReportStructure): HtmtSection | null {
	if (structure.dimensions.length < 2) return null;
	const blocks = structure.dimensions.map((d) => subtreeColumns(d));
	const columns = blocks.flat();
	const moments = momentsOf(stats, columns);
	if (!moments || moments.cov.some((row, i) => !(row[i] > 0))) return null;
	let next = 0;
	const local = blocks.map((b) => b.map(() => next++));
	const values = heterotraitMonotraitRatio(toCorrelation(moments.cov), local);
	const dimensions = structure.dimensions.map((d) => d.code);
	const flags: HtmtSection['flags'] = [];
	values.forEach((row, i) =>
		row.forEach((value, j) => {
			if (j > i && value !== null && value > HTMT_STRICT) flags.push({ first: dimensions[i], second: dimensions[j], value, level: value > HTMT_LENIENT ? 'above090' : 'above085' });
		})
	);
	return { dimensions, values, flags };
}
