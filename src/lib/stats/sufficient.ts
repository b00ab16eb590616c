/**
 * Sufficient statistics of a set of items: sums, sums of squares and cross-products with pairwise
 * counts, complete-case sums, ranges and value histograms. Built from rows in one pass, merged by
 * addition (per period, per batch), and stored as JSON: a million responses cost no more than a
 * thousand once aggregated. All k×k arrays are row-major (index i·k + j); items are 0-based here
 * and 1-based in messages.
 */
import { fail, ok, type StatsIssue, type StatsResult } from './result';
import { checkScale, reverseCode, type Scale } from './scores';

/** Sums over the rows answering both item i and item j (the diagonal: rows answering i). */
export interface PairwiseSums {
	/** Rows answering both i and j; symmetric. */
	n: number[];
	/** Σ xᵢ over those rows (not symmetric: sum[i·k+j] sums item i). */
	sum: number[];
	/** Σ xᵢ² over those rows (not symmetric). */
	sumSq: number[];
	/** Σ xᵢxⱼ over those rows; symmetric. */
	cross: number[];
}

/** Sums over the rows answering every item (for the linear index and complete-case moments). */
export interface CompleteSums {
	n: number;
	/** Σ xᵢ, length k. */
	sum: number[];
	/** Σ xᵢxⱼ, k×k symmetric. */
	cross: number[];
}

export interface ItemStatistics {
	/** Layout version of this JSON, for the store. */
	version: 1;
	/** Number of items. */
	k: number;
	/** Rows aggregated, whatever they answered. */
	rows: number;
	/** Item scales; histograms are kept only when scales are given. */
	scales: Scale[] | null;
	/** Which items were reverse-coded (x' = lo + hi − x) before aggregation. */
	reversed: boolean[];
	pairwise: PairwiseSums;
	complete: CompleteSums;
	/** Smallest and largest answer per item, null when nobody answered. */
	min: (number | null)[];
	max: (number | null)[];
	/** Counts per scale point lo, lo+1, …, hi for each item; null without scales. */
	histograms: number[][] | null;
}

export interface AccumulatorOptions {
	/** Integer scales (one per item) to keep histograms and check answers; required for reverse coding. */
	scales?: Scale[];
	/** Items to reverse-code, one flag per item. */
	reversed?: boolean[];
}

/** Collects ItemStatistics row by row in one pass; call add() per row and finish() once. */
export class ItemAccumulator {
	private rows = 0;
	private issue: StatsIssue | null = null;
	private readonly x: Float64Array;
	private readonly answered: Int32Array;
	// Incomplete rows go to the pairwise sums (upper triangle for n and cross), complete rows to the
	// complete sums only; finish() adds the complete sums into the pairwise ones. Most rows are
	// complete, so this halves the work of the inner loop.
	private readonly pairN: Float64Array;
	private readonly pairSum: Float64Array;
	private readonly pairSumSq: Float64Array;
	private readonly pairCross: Float64Array;
	private completeN = 0;
	private readonly completeSum: Float64Array;
	private readonly completeCross: Float64Array;
	private readonly min: Float64Array;
	private readonly max: Float64Array;
	private readonly histograms: Float64Array[] | null;

	private constructor(
		private readonly k: number,
		private readonly scales: Scale[] | null,
		private readonly reversed: boolean[]
	) {
		this.x = new Float64Array(k);
		this.answered = new Int32Array(k);
		[this.pairN, this.pairSum, this.pairSumSq, this.pairCross, this.completeCross] = [0, 1, 2, 3, 4].map(() => new Float64Array(k * k));
		this.completeSum = new Float64Array(k);
		this.min = new Float64Array(k).fill(Infinity);
		this.max = new Float64Array(k).fill(-Infinity);
		this.histograms = scales && scales.map((s) => new Float64Array(s.hi - s.lo + 1));
	}

	/** An accumulator for k items; fails on invalid scales or option lengths. */
	static create(k: number, options: AccumulatorOptions = {}): StatsResult<ItemAccumulator> {
		if (!(Number.isInteger(k) && k >= 1)) return fail('stats.emptyInput', { name: 'items' });
		const { scales = null, reversed = new Array<boolean>(k).fill(false) } = options;
		if (reversed.length !== k) return fail('stats.lengthMismatch', { name: 'reversed', expected: k, actual: reversed.length });
		if (scales) {
			if (scales.length !== k) return fail('stats.lengthMismatch', { name: 'scales', expected: k, actual: scales.length });
			for (let i = 0; i < k; i++) {
				const s = checkScale(scales[i], i + 1);
				if (!s.ok) return s;
				if (!Number.isInteger(scales[i].lo) || !Number.isInteger(scales[i].hi)) return fail('stats.invalidScale', { item: i + 1, lo: scales[i].lo, hi: scales[i].hi });
			}
		} else if (reversed.some(Boolean)) return fail('stats.reverseNeedsScale');
		return ok(new ItemAccumulator(k, scales && scales.map((s) => ({ ...s })), [...reversed]));
	}

	/** Adds one row (null, undefined or NaN = missing); false once a row was rejected (see finish()). */
	add(row: ArrayLike<number | null | undefined>): boolean {
		if (this.issue) return false;
		const count = this.readRow(row);
		if (count < 0) return false;
		this.rows++;
		if (count === this.k) this.addComplete();
		else this.addPartial(count);
		return true;
	}

	/** Validates and recodes a row into x/answered; returns the number answered, or −1 on a bad row. */
	private readRow(row: ArrayLike<number | null | undefined>): number {
		const { k, x, answered, scales } = this;
		if (row.length !== k) return this.reject('stats.rowLength', { row: this.rows + 1, expected: k, actual: row.length });
		let count = 0;
		for (let i = 0; i < k; i++) {
			let v = row[i];
			if (v === null || v === undefined || v !== v) continue;
			if (!Number.isFinite(v)) return this.reject('stats.notFinite', { name: 'rows', row: this.rows + 1, col: i + 1 });
			if (scales) {
				const s = scales[i];
				if (!Number.isInteger(v) || v < s.lo || v > s.hi) return this.reject('stats.valueOutOfScale', { row: this.rows + 1, item: i + 1, value: v, lo: s.lo, hi: s.hi });
				if (this.reversed[i]) v = reverseCode(v, s);
			}
			x[i] = v;
			answered[count++] = i;
		}
		for (let a = 0; a < count; a++) this.addToRange(answered[a]);
		return count;
	}

	private reject(code: StatsIssue['code'], params: StatsIssue['params']): number {
		this.issue = { code, params };
		return -1;
	}

	private addToRange(i: number): void {
		const v = this.x[i];
		if (v < this.min[i]) this.min[i] = v;
		if (v > this.max[i]) this.max[i] = v;
		if (this.histograms && this.scales) this.histograms[i][v - this.scales[i].lo]++;
	}

	private addComplete(): void {
		const { k, x, completeSum, completeCross } = this;
		this.completeN++;
		for (let i = 0; i < k; i++) {
			const xi = x[i];
			completeSum[i] += xi;
			const base = i * k;
			for (let j = i; j < k; j++) completeCross[base + j] += xi * x[j];
		}
	}

	private addPartial(count: number): void {
		const { k, x, answered, pairN, pairSum, pairSumSq, pairCross } = this;
		for (let p = 0; p < count; p++) {
			const i = answered[p];
			const xi = x[i];
			for (let q = p; q < count; q++) {
				const j = answered[q];
				const xj = x[j];
				const ij = i * k + j;
				pairN[ij]++;
				pairCross[ij] += xi * xj;
				pairSum[ij] += xi;
				pairSumSq[ij] += xi * xi;
				if (i !== j) {
					pairSum[j * k + i] += xj;
					pairSumSq[j * k + i] += xj * xj;
				}
			}
		}
	}

	/** The statistics of every row added so far, or the first rejected row's issue. */
	finish(): StatsResult<ItemStatistics> {
		if (this.issue) return { ok: false, error: this.issue, warnings: [] };
		const { k, completeN, completeSum, completeCross } = this;
		const size = k * k;
		const upper = (m: Float64Array, idx: number) => m[Math.floor(idx / k) <= idx % k ? idx : (idx % k) * k + Math.floor(idx / k)];
		const pairwise: PairwiseSums = { n: new Array(size), sum: new Array(size), sumSq: new Array(size), cross: new Array(size) };
		for (let idx = 0; idx < size; idx++) {
			const i = Math.floor(idx / k);
			pairwise.n[idx] = upper(this.pairN, idx) + completeN;
			pairwise.cross[idx] = upper(this.pairCross, idx) + upper(completeCross, idx);
			pairwise.sum[idx] = this.pairSum[idx] + completeSum[i];
			pairwise.sumSq[idx] = this.pairSumSq[idx] + completeCross[i * k + i];
		}
		return ok({
			version: 1,
			k,
			rows: this.rows,
			scales: this.scales && this.scales.map((s) => ({ ...s })),
			reversed: [...this.reversed],
			pairwise,
			complete: { n: completeN, sum: Array.from(completeSum), cross: Array.from({ length: size }, (_, idx) => upper(completeCross, idx)) },
			min: Array.from(this.min, (v) => (Number.isFinite(v) ? v : null)),
			max: Array.from(this.max, (v) => (Number.isFinite(v) ? v : null)),
			histograms: this.histograms && this.histograms.map((h) => Array.from(h))
		});
	}
}

/** Statistics of k items over `rows` (arrays of number|null, or Float64Arrays with NaN = missing), in one pass. */
export function buildItemStatistics(rows: Iterable<ArrayLike<number | null | undefined>>, k: number, options: AccumulatorOptions = {}): StatsResult<ItemStatistics> {
	const created = ItemAccumulator.create(k, options);
	if (!created.ok) return created;
	const acc = created.value;
	for (const row of rows) if (!acc.add(row)) break;
	return acc.finish();
}

const addArrays = (a: number[], b: number[]) => a.map((v, i) => v + b[i]);
const pick = (a: (number | null)[], b: (number | null)[], f: (x: number, y: number) => number) =>
	a.map((v, i) => (v === null ? b[i] : b[i] === null ? v : f(v, b[i] as number)));

/** The statistics of the concatenated rows of a and b; fails when items, scales or reverse coding differ. */
export function mergeItemStatistics(a: ItemStatistics, b: ItemStatistics): StatsResult<ItemStatistics> {
	const same = a.k === b.k && JSON.stringify([a.scales, a.reversed]) === JSON.stringify([b.scales, b.reversed]);
	if (!same) return fail('stats.statisticsMismatch', { left: a.k, right: b.k });
	const { pairwise: p, complete: c } = a;
	return ok({
		version: 1,
		k: a.k,
		rows: a.rows + b.rows,
		scales: a.scales,
		reversed: a.reversed,
		pairwise: { n: addArrays(p.n, b.pairwise.n), sum: addArrays(p.sum, b.pairwise.sum), sumSq: addArrays(p.sumSq, b.pairwise.sumSq), cross: addArrays(p.cross, b.pairwise.cross) },
		complete: { n: c.n + b.complete.n, sum: addArrays(c.sum, b.complete.sum), cross: addArrays(c.cross, b.complete.cross) },
		min: pick(a.min, b.min, Math.min),
		max: pick(a.max, b.max, Math.max),
		histograms: a.histograms && b.histograms && a.histograms.map((h, i) => addArrays(h, (b.histograms as number[][])[i]))
	});
}
