import { beforeEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { buildItemStatistics } from '../sufficient';
import { embedStatistics, selectStatistics } from './align';

beforeEach(() => {
	expect.hasAssertions();
});

const scale = { lo: 1, hi: 5 };
const spec = (code: string, reversed = false) => ({ code, scale, reversed });

function randomRows(n: number, k: number, seed: number): (number | null)[][] {
	const random = mulberry32(seed);
	return Array.from({ length: n }, () => Array.from({ length: k }, () => (random() < 0.1 ? null : 1 + Math.floor(random() * 5))));
}

describe('embedStatistics', () => {
	it('equals building the statistics with the absent columns left unanswered', () => {
		const rows = randomRows(200, 3, 7);
		const source = buildItemStatistics(rows, 3, { scales: [scale, scale, scale], reversed: [false, true, false] });
		const target = [spec('C'), spec('X'), spec('A'), spec('B', true)];
		const widened = rows.map((r) => [r[2], null, r[0], r[1]]);
		const expected = buildItemStatistics(widened, 4, { scales: target.map((t) => t.scale), reversed: [false, false, false, true] });
		expect(source.ok && expected.ok).toBe(true);
		if (!source.ok || !expected.ok) return;
		const embedded = embedStatistics(source.value, [spec('A'), spec('B', true), spec('C')], target);
		expect(embedded).toEqual({ ...expected.value, complete: { n: 0, sum: [0, 0, 0, 0], cross: new Array(16).fill(0) } });
	});

	it('drops a column whose coding changed instead of mixing scales', () => {
		const source = buildItemStatistics([[1, 2], [3, 4]], 2, { scales: [scale, scale] });
		if (!source.ok) throw new Error('setup');
		const embedded = embedStatistics(source.value, [spec('A'), spec('B')], [spec('A'), spec('B', true)]);
		expect(embedded.pairwise.n).toEqual([2, 0, 0, 0]);
	});
});

describe('selectStatistics', () => {
	it('keeps the pairwise sums of the chosen columns', () => {
		const rows = randomRows(100, 4, 11);
		const full = buildItemStatistics(rows, 4, { scales: [scale, scale, scale, scale] });
		const part = buildItemStatistics(rows.map((r) => [r[3], r[1]]), 2, { scales: [scale, scale] });
		if (!full.ok || !part.ok) throw new Error('setup');
		const selected = selectStatistics(full.value, [3, 1]);
		expect(selected.pairwise).toEqual(part.value.pairwise);
		expect(selected.histograms).toEqual(part.value.histograms);
	});
});

describe('sumCells', () => {
	it('equals merging the cells one by one with the engine', async () => {
		const { sumCells, mergeCells } = await import('./cells');
		const scales = [scale, scale, scale];
		const cells = [1, 2, 3].map((seed) => {
			const s = buildItemStatistics(randomRows(50, 3, seed), 3, { scales, reversed: [false, true, false] });
			if (!s.ok) throw new Error('setup');
			return { stats: s.value, joint: { 'A|B': { [`${seed}|1`]: seed } } };
		});
		const firstTwo = mergeCells(cells[0], cells[1]);
		if (!firstTwo.ok) throw new Error('setup');
		const merged = mergeCells(firstTwo.value, cells[2]);
		expect(merged.ok).toBe(true);
		if (merged.ok) expect(sumCells(cells)).toEqual(merged.value);
		expect(cells[0].stats.rows).toBe(50); // the inputs are not modified
	});
});
