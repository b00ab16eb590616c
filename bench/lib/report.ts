/**
 * Benchmark reports: every figure beside a baseline measured in the same run, with the ratio and
 * an optional target, printed as an aligned table and written as JSON under bench/results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTextTable } from '../../src/lib/csv/text-table';
import type { Timing } from './measure';

export interface Figure {
	name: string;
	timing: Timing;
	baseline: { name: string; timing: Timing };
	/** Upper bound the figure should meet, ms. */
	targetMs?: number;
}

export interface MachineInfo {
	cpu: string;
	cores: number;
	memoryGiB: number;
	node: string;
	platform: string;
}

/** CPU model (os.cpus()), core count, memory, node version and platform. */
export function machineInfo(): MachineInfo {
	const cpus = os.cpus();
	return {
		cpu: cpus[0]?.model.trim() ?? 'unknown',
		cores: cpus.length,
		memoryGiB: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
		platform: `${os.platform()} ${os.arch()}`
	};
}

/** Milliseconds with units that stay readable from microseconds to minutes. */
export function formatMs(ms: number): string {
	if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
	if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
	return `${(ms / 1000).toFixed(2)} s`;
}

/** How many times faster the figure is than its baseline (> 1 = faster). */
export const speedup = (f: Figure) => f.baseline.timing.ms / f.timing.ms;

/** The figures as a table: time, baseline, baseline time, speed-up and target check. */
export function figureTable(figures: readonly Figure[]): string {
	const rows = figures.map((f) => [
		f.name,
		formatMs(f.timing.ms),
		f.baseline.name,
		formatMs(f.baseline.timing.ms),
		`${speedup(f).toFixed(speedup(f) < 10 ? 2 : 0)}×`,
		f.targetMs === undefined ? '' : `≤ ${formatMs(f.targetMs)} ${f.timing.ms <= f.targetMs ? 'met' : 'MISSED'}`
	]);
	return formatTextTable(['Figure', 'Time', 'Baseline', 'Baseline time', 'Speed-up', 'Target'], rows);
}

/** Writes bench/results/<name>.json; returns its path. */
export function writeJson(name: string, data: unknown): string {
	const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${name}.json`);
	writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
	return file;
}

/** Writes bench/results/<name>.json with the machine, the date and every figure. */
export function writeResults(name: string, figures: readonly Figure[], machine: MachineInfo): string {
	const results = figures.map((f) => ({ ...f, speedup: speedup(f), targetMet: f.targetMs === undefined ? null : f.timing.ms <= f.targetMs }));
	return writeJson(name, { bench: name, date: new Date().toISOString(), machine, figures: results });
}
