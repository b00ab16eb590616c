/**
 * `npm run analyze` end to end: the CLI as a child process on a small generated CSV and model in
 * a temporary folder, checking the JSON shape, the tables and one-line failures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/lib/stats/random';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'satindex-analyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => expect.hasAssertions());

const ITEMS = ['q1', 'q2', 'q3', 'v1', 'v2', 's1', 's2', 's3'];
const model = {
	scale: { min: 1, max: 5 },
	constructs: [
		{ name: 'Quality', items: ['q1', 'q2', 'q3'], reversed: ['q3'] },
		{ name: 'Value', items: ['v1', 'v2'] },
		{ name: 'Satisfaction', items: ['s1', 's2', 's3'] }
	],
	paths: [['Quality', 'Value'], ['Quality', 'Satisfaction'], ['Value', 'Satisfaction']],
	target: 'Satisfaction'
};

/** 80 respondents on a 1–5 scale driven by one quality factor; q3 is reverse-worded; one answer missing; an id column. */
function generatedCsv(): string {
	const random = mulberry32(11);
	const noise = () => (random() + random() + random() - 1.5) * 1.2;
	const answer = (x: number) => String(Math.min(5, Math.max(1, Math.round(x))));
	const rows = Array.from({ length: 80 }, (_, r) => {
		const quality = 3 + noise();
		const value = 0.3 + 0.8 * quality + noise() * 0.7;
		const sat = 0.5 * quality + 0.4 * value + noise() * 0.6;
		const cells = [quality, quality, 6 - quality, value, value, sat, sat, sat].map((x) => answer(x + noise() * 0.6));
		if (r === 5) cells[4] = '';
		return [`"r${r}"`, ...cells].join(',');
	});
	return `\uFEFFid,${ITEMS.join(',')}\n${rows.join('\n')}\n`;
}

function file(name: string, content: string): string {
	const target = path.join(dir, name);
	writeFileSync(target, content);
	return target;
}

const data = file('responses.csv', generatedCsv());
const modelFile = file('model.json', JSON.stringify(model));

function analyze(...args: string[]) {
	const run = spawnSync('npx', ['tsx', 'src/cli/analyze.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
	return { code: run.status, stdout: run.stdout, stderr: run.stderr.trim() };
}

describe('npm run analyze', () => {
	it('prints the analysis as JSON: constructs, paths with bootstrap CIs, driver weights, warnings', () => {
		const run = analyze('--data', data, '--model', modelFile, '--bootstrap', '200', '--seed', '1');
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		const out = JSON.parse(run.stdout);
		expect(out).toMatchObject({ rows: 80, completeRows: 79, pls: { scheme: 'path', scaled: true }, bootstrap: { resamples: 200, seed: 1 } });
		expect(out.constructs.map((c: { name: string }) => c.name)).toEqual(['Quality', 'Value', 'Satisfaction']);
		for (const c of out.constructs) {
			expect(Object.keys(c)).toEqual(expect.arrayContaining(['name', 'n', 'index', 'indexMethod', 'outerWeights', 'loadings', 'alpha', 'alphaStandardized', 'rhoC', 'ave', 'rSquared']));
			expect(c.index).toBeGreaterThan(0);
			expect(c.index).toBeLessThan(100);
			expect(Object.keys(c.loadings)).toEqual(model.constructs.find((m) => m.name === c.name)!.items);
		}
		// q3 is reverse-worded in the data; recoded, it loads positively like its siblings.
		expect(out.constructs[0].loadings.q3).toBeGreaterThan(0.5);
		expect(out.paths).toHaveLength(3);
		for (const p of out.paths) expect(p.ci.lower).toBeLessThanOrEqual(p.coefficient);
		expect(Object.keys(out.weights.byMethod)).toEqual(['equal', 'correlation', 'relativeWeights', 'shapley', 'plsTotalEffects']);
		expect(out.weights.drivers).toEqual(['Quality', 'Value']);
		expect(out.warnings).toContainEqual({ code: 'stats.analyze.bootstrapCompleteRows', message: expect.stringContaining('79 of 80') });
	});

	it('takes an export whose reversed item is already recoded ("q3 [recoded]") without reversing it again', () => {
		const [header, ...rows] = generatedCsv().trimEnd().split('\n');
		const q3 = header.split(',').indexOf('q3');
		const recoded = rows.map((row) => row.split(',').map((cell, i) => (i === q3 ? String(6 - Number(cell)) : cell)).join(','));
		const exported = file('recoded.csv', [header.replace('q3', 'q3 [recoded]'), ...recoded].join('\n'));
		const [plain, fromExport] = [data, exported].map((csv) => JSON.parse(analyze('--data', csv, '--model', modelFile).stdout));
		expect(fromExport.constructs[0].loadings).toEqual(plain.constructs[0].loadings);
		expect(fromExport.constructs[0].index).toBe(plain.constructs[0].index);
	}, 60_000); // two runs of the CLI, each a TypeScript start-up

	it('prints aligned tables with --format table', () => {
		const run = analyze('--data', data, '--model', modelFile, '--format', 'table', '--scheme', 'centroid');
		expect(run.code).toBe(0);
		const lines = run.stdout.split('\n');
		for (const title of ['Constructs', 'Items', 'Paths', 'Weights of the drivers of Satisfaction (from PLS scores)', 'Warnings']) expect(lines).toContain(title);
		const header = lines[lines.indexOf('Constructs') + 1];
		expect(header).toMatch(/^Construct\s+n\s+Index\s+Weights\s+α/);
		const qualityRow = lines.find((l) => l.startsWith('Quality '))!;
		// Text columns start under their header; number columns end under theirs.
		expect(qualityRow.indexOf(' pls') + 1).toBe(header.indexOf('Weights'));
		expect(qualityRow.indexOf('  pls')).toBe(header.indexOf('Index') + 'Index'.length);
		expect(run.stdout).toContain('PLS centroid scheme');
	});

	it.each([
		['a model whose construct has no items', { ...model, constructs: [{ name: 'Quality', items: [] }] }, 'The model file is invalid at constructs.0.items: expected at least one item.'],
		['a model naming an item the data lacks', { ...model, constructs: [...model.constructs, { name: 'Loyalty', items: ['l1'] }] }, 'The item l1 of the model is not a column of the data file.'],
		['a target that is not a construct', { ...model, target: 'Loyalty' }, "The target Loyalty is not one of the model's constructs."]
	])('fails with one clear line for %s', (_, badModel, message) => {
		const run = analyze('--data', data, '--model', file('bad-model.json', JSON.stringify(badModel)));
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr.split('\n')).toHaveLength(1);
		expect(run.stderr).toContain(`analyze: ${message}`);
	});

	it('fails with one line on a missing file, broken JSON or a bad option, never a stack trace', () => {
		const missing = analyze('--data', path.join(dir, 'nope.csv'), '--model', modelFile);
		expect([missing.code, missing.stderr]).toEqual([1, `analyze: Cannot read ${path.join(dir, 'nope.csv')}: ENOENT.`]);
		const broken = analyze('--data', data, '--model', file('broken.json', '{"scale": '));
		expect(broken.code).toBe(1);
		expect(broken.stderr).toMatch(/^analyze: The model file .* is not valid JSON: .+$/);
		const option = analyze('--data', data, '--model', modelFile, '--scheme', 'mode-b');
		expect([option.code, option.stderr]).toEqual([2, 'analyze: The option --scheme has the value "mode-b"; expected path, centroid, factorial.']);
		const unknown = analyze('--data', data, '--modle', modelFile);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/^analyze: Unknown option '--modle'\. Run with --help/);
		// Four child processes, each starting tsx: on two busy cores that alone took 34 s once.
	}, 90_000);

	it('explains its options with --help', () => {
		const run = analyze('--help');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('--bootstrap N');
	});
});
