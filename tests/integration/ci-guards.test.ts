// CI must not go green without its browser or its second database: .ci/run stops with one line
// saying what is missing, and the suites themselves refuse to skip under CI=true.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reportMissing } from '../prerequisites';

let bin: string;

/** A PATH of our own: the real tools .ci/run needs, and stubs for the ones a test decides on. */
function fakePath(stubs: Record<string, number>): string {
	bin = mkdtempSync(join(tmpdir(), 'satindex-ci-'));
	for (const tool of ['dirname', 'ls', 'head', 'seq', 'cat', 'mktemp', 'tee', 'sed', 'awk']) {
		const real = spawnSync('/bin/sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
		if (real) symlinkSync(real, join(bin, tool));
	}
	// npm leaves a mark, so a test can tell whether the run went past its checks.
	stubs.npm ??= 0;
	for (const [tool, exitCode] of Object.entries(stubs)) {
		const script = tool === 'npm' ? `#!/bin/sh\n: > "${bin}/npm-ran"\n` : `#!/bin/sh\nexit ${exitCode}\n`;
		writeFileSync(join(bin, tool), script);
		chmodSync(join(bin, tool), 0o755);
	}
	return bin;
}

function runCi(path: string) {
	return spawnSync('/bin/bash', ['.ci/run'], { encoding: 'utf8', env: { PATH: path, HOME: tmpdir() }, timeout: 30_000 });
}

afterEach(() => rmSync(bin, { recursive: true, force: true }));

describe('.ci/run', () => {
	it('fails with one line when chromium cannot be installed', () => {
		const path = fakePath({ 'apt-get': 100 });
		const run = runCi(path);
		expect(run.status).toBe(1);
		expect(run.stderr.trim()).toBe("CI: failed: Debian's chromium could not be installed, so the browser suite cannot run.");
		expect(existsSync(join(path, 'npm-ran'))).toBe(false);
	});

	it('fails with one line when PostgreSQL cannot be reached', () => {
		const path = fakePath({ chromium: 0, pspp: 0, Rscript: 0, pg_isready: 2, pg_ctlcluster: 1, sleep: 0 });
		const run = runCi(path);
		expect(run.status).toBe(1);
		expect(run.stderr.trim()).toBe('CI: failed: PostgreSQL on 127.0.0.1:5432 is not reachable, so the integration suite cannot run on it.');
		expect(existsSync(join(path, 'npm-ran'))).toBe(false);
	});

	it('fails with one line when GNU PSPP or R cannot be installed', () => {
		const path = fakePath({ chromium: 0, Rscript: 0, 'apt-get': 100 });
		const run = runCi(path);
		expect(run.status).toBe(1);
		expect(run.stderr.trim()).toBe('CI: failed: GNU PSPP or R could not be installed, so the SPSS syntax and R script checks cannot run.');
		expect(run.stdout).toMatch(/^CI: installing pspp took \d+ s\.$/m);
		expect(existsSync(join(path, 'npm-ran'))).toBe(false);
	});

	it('goes on to the tests when all are there', () => {
		const path = fakePath({ chromium: 0, pspp: 0, Rscript: 0, pg_isready: 0 });
		const run = runCi(path);
		expect(run.stderr).not.toContain('CI: failed');
		expect(existsSync(join(path, 'npm-ran'))).toBe(true);
	});
});

describe('a suite missing a prerequisite', () => {
	const ci = process.env.CI;
	afterEach(() => (ci === undefined ? delete process.env.CI : (process.env.CI = ci)));

	it('fails the run under CI=true', () => {
		process.env.CI = 'true';
		expect(() => reportMissing('chromium', 'apt-get install chromium', 'the browser suite')).toThrow(
			'CI: chromium is missing (apt-get install chromium), so the browser suite cannot run; under CI=true nothing may skip.'
		);
	});

	it('only warns on a developer machine', () => {
		delete process.env.CI;
		expect(() => reportMissing('chromium', 'apt-get install chromium', 'the browser suite')).not.toThrow();
	});
});
