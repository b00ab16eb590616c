/**
 * `npx tsx bench/stats.ts`: speed of the measurement engine, each figure beside a baseline timed
 * in the same run. Prints a table and writes bench/results/stats.json. Data are synthetic and
 * seeded; about a minute and under 1 GB on a small machine.
 */
import { bootstrapPls } from '../src/lib/stats/pls-bootstrap';
import { fitPlsFromMoments, fitPlsFromRows, type PlsModelSpec } from '../src/lib/stats/pls';
import { rowMoments } from '../src/lib/stats/linalg-pls';
import type { Moments } from '../src/lib/stats/moments';
import { mulberry32, randomIndex } from '../src/lib/stats/random';
import { cronbachAlpha } from '../src/lib/stats/reliability';
import type { StatsResult } from '../src/lib/stats/result';
import { ItemAccumulator, type ItemStatistics } from '../src/lib/stats/sufficient';
import { pairwiseMoments, selectMoments } from '../src/lib/stats/sufficient-moments';
import { criticWeights, criticWeightsFromStatistics, driverCorrelationsFromMoments, relativeWeights } from '../src/lib/stats/weights';
import { measure } from './lib/measure';
import { figureTable, machineInfo, writeResults, type Figure } from './lib/report';
import { rowArrays, rowView, syntheticModel, syntheticResponses } from './lib/survey-data';

/** The value of a result the bench relies on; a failure is a bug worth stopping for. */
function must<T>(result: StatsResult<T>): T {
	if (!result.ok) throw new Error(`engine failed: ${JSON.stringify(result.error)}`);
	return result.value;
}

/** One pass of the engine's accumulator (1–10 scales: validation and histograms included). */
function buildStatistics(data: Float64Array, k: number): ItemStatistics {
	const acc = must(ItemAccumulator.create(k, { scales: Array.from({ length: k }, () => ({ lo: 1, hi: 10 })) }));
	for (let r = 0; r < data.length / k; r++) acc.add(rowView(data, k, r));
	return must(acc.finish());
}

/** Baseline: textbook two passes (means, then centred cross-products), no missing values, no checks. */
function naiveMoments(data: Float64Array, k: number): Moments {
	const n = data.length / k;
	const mean = new Float64Array(k);
	for (let r = 0; r < n; r++) for (let i = 0; i < k; i++) mean[i] += data[r * k + i] / n;
	const cross = new Float64Array(k * k);
	const x = new Float64Array(k);
	for (let r = 0; r < n; r++) {
		for (let i = 0; i < k; i++) x[i] = data[r * k + i] - mean[i];
		for (let i = 0; i < k; i++) for (let j = i; j < k; j++) cross[i * k + j] += x[i] * x[j];
	}
	const cov = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => cross[Math.min(i, j) * k + Math.max(i, j)] / (n - 1)));
	return { n, mean: Array.from(mean), cov };
}

// ACSI/ECSI-like: image, expectations, quality, value, satisfaction, complaints, loyalty (24 items).
const ACSI = syntheticModel([4, 3, 4, 3, 3, 3, 4], [[0, 1], [0, 4], [0, 6], [1, 2], [1, 3], [1, 4], [2, 3], [2, 4], [3, 4], [4, 5], [4, 6], [5, 6]]);
const SPEC: PlsModelSpec = ACSI;
const ITEMS = ACSI.constructs.flatMap((c) => c.items);
const BLOCKS = (() => {
	let next = 0;
	return ACSI.constructs.map((c) => c.items.map(() => next++));
})();
// Relative weights of the expectation, quality and value items on the first satisfaction item.
const DRIVER_ITEMS = [...BLOCKS[1], ...BLOCKS[2], ...BLOCKS[3]];
const CRITERION = BLOCKS[4][0];

/** α of every block, CRITIC, relative weights and PLS, all from item moments (and CRITIC from statistics). */
function analysisFromStatistics(stats: ItemStatistics) {
	const moments = must(pairwiseMoments(stats));
	return [
		BLOCKS.map((b) => must(cronbachAlpha(selectMoments(moments, b).cov)).alpha),
		must(criticWeightsFromStatistics(stats)).weights,
		must(relativeWeights(must(driverCorrelationsFromMoments(moments, DRIVER_ITEMS, CRITERION)))).weights,
		must(fitPlsFromMoments(moments, ITEMS, SPEC)).paths
	];
}

/** The same four results straight from raw rows, as the engine's row-taking functions give them. */
function analysisFromRows(rows: number[][]) {
	const { mean, cov } = rowMoments(rows, ITEMS.map((_, i) => i));
	const moments = { n: rows.length, mean, cov };
	return [
		BLOCKS.map((b) => must(cronbachAlpha(selectMoments(moments, b).cov)).alpha),
		must(criticWeights(rows)).weights,
		must(relativeWeights(must(driverCorrelationsFromMoments(moments, DRIVER_ITEMS, CRITERION)))).weights,
		must(fitPlsFromRows(rows, ITEMS, SPEC)).paths
	];
}

/** Baseline bootstrap: a cold, complete PLS fit (report, HTMT, scores) on every resample. */
function naiveBootstrap(rows: number[][], resamples: number, seed: number): number {
	const random = mulberry32(seed);
	let fitted = 0;
	for (let b = 0; b < resamples; b++) {
		const sample = rows.map(() => rows[randomIndex(random, rows.length)]);
		if (fitPlsFromRows(sample, ITEMS, SPEC).ok) fitted++;
	}
	return fitted;
}

function statisticsFigure(): Figure {
	const k = 30;
	const wide = syntheticModel([5, 5, 5, 5, 5, 5]);
	const data = syntheticResponses(wide, 1_000_000, 1);
	return {
		name: 'statistics from 1M × 30 rows (one pass)',
		timing: measure(() => buildStatistics(data, k), { runs: 3 }),
		baseline: { name: 'naive two-pass mean + covariance', timing: measure(() => naiveMoments(data, k), { runs: 3 }) }
	};
}

function analysisFigures(): Figure[] {
	const data = syntheticResponses(ACSI, 250_000, 2);
	const k = ITEMS.length;
	const stats = buildStatistics(data, k);
	const rows = rowArrays(data, k);
	const small = rowArrays(data, k, 250);
	const smallMoments = { n: 250, ...rowMoments(small, ITEMS.map((_, i) => i)) };
	const bootstrapOptions = { resamples: 1000, seed: 1 };
	return [
		{
			name: 'α + CRITIC + RW + PLS (24 items, 7 constructs) from statistics',
			timing: measure(() => analysisFromStatistics(stats), { runs: 21, warmup: 3 }),
			baseline: { name: 'same from 250k raw rows', timing: measure(() => analysisFromRows(rows), { runs: 3 }) },
			targetMs: 20
		},
		{
			name: 'PLS on 250 × 24 raw rows (with scores)',
			timing: measure(() => must(fitPlsFromRows(small, ITEMS, SPEC)), { runs: 51, warmup: 5 }),
			baseline: { name: 'PLS from the moments alone', timing: measure(() => must(fitPlsFromMoments(smallMoments, ITEMS, SPEC)), { runs: 51, warmup: 5 }) }
		},
		{
			name: 'bootstrap 1,000 × 250 (one core)',
			timing: measure(() => must(bootstrapPls(small, ITEMS, SPEC, bootstrapOptions)), { runs: 3 }),
			baseline: { name: '1,000 cold full PLS fits', timing: measure(() => naiveBootstrap(small, 1000, 1), { runs: 1 }) },
			targetMs: 5000
		}
	];
}

const machine = machineInfo();
console.log(`SatIndex stats bench — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, ${machine.platform}`);
const figures = [statisticsFigure(), ...analysisFigures()];
console.log(`\n${figureTable(figures)}\n\nTimes are medians of repeated runs; speed-up = baseline time / time.`);
console.log(`Results written to ${writeResults('stats', figures, machine)}`);
