/**
 * Importance–performance analysis (methods.md §6): cross-hairs at the means (default), medians or
 * scale midpoints; a value equal to a cross-hair counts as high.
 */
import { fail, ok, type StatsResult } from './result';
import { quantile } from './trend';

export type Crosshair = 'mean' | 'median' | 'midpoint';
export type IpaQuadrant = 'concentrateHere' | 'keepUpTheGoodWork' | 'lowPriority' | 'possibleOverkill';

export interface IpaItem {
	/** A weight (e.g. derived importance), any unit shared by all items. */
	importance: number;
	/** A 0–100 node or item score. */
	performance: number;
}

export interface IpaOptions {
	crosshair?: Crosshair;
	/** Midpoints for 'midpoint'; default importance 1/n (equal weight) and performance 50. */
	midpoint?: { importance: number; performance: number };
}

export interface IpaResult {
	crosshair: { method: Crosshair; importance: number; performance: number };
	/** One quadrant per item, in input order. */
	quadrants: IpaQuadrant[];
}

function centre(values: number[], method: Crosshair, midpoint: number): number {
	if (method === 'midpoint') return midpoint;
	if (method === 'median') return quantile([...values].sort((a, b) => a - b), 0.5);
	return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Ties count as high; the tolerance keeps an item sitting on a floating-point mean from falling below it. */
function atLeast(value: number, crosshair: number): boolean {
	return value >= crosshair - 1e-9 * Math.max(1, Math.abs(crosshair));
}

/** Quadrant of every item: concentrate here (high importance, low performance), keep up the good work, low priority, possible overkill. */
export function importancePerformance(items: readonly IpaItem[], options: IpaOptions = {}): StatsResult<IpaResult> {
	if (items.length === 0) return fail('stats.emptyInput', { name: 'items' });
	const bad = items.findIndex((i) => !Number.isFinite(i.importance) || !Number.isFinite(i.performance));
	if (bad >= 0) return fail('stats.notFinite', { name: 'items', row: bad + 1, col: 1 });
	const method = options.crosshair ?? 'mean';
	const midpoint = options.midpoint ?? { importance: 1 / items.length, performance: 50 };
	const importance = centre(items.map((i) => i.importance), method, midpoint.importance);
	const performance = centre(items.map((i) => i.performance), method, midpoint.performance);
	const quadrants = items.map((i): IpaQuadrant => {
		const important = atLeast(i.importance, importance);
		const performing = atLeast(i.performance, performance);
		if (important) return performing ? 'keepUpTheGoodWork' : 'concentrateHere';
		return performing ? 'possibleOverkill' : 'lowPriority';
	});
	return ok({ crosshair: { method, importance, performance }, quadrants });
}
