// Building and starting the servers a bench measures over HTTP.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const minimalKitRoot = path.join(root, 'bench/submit/minimal-kit');

/** `vite build` in `cwd` with extra environment (e.g. SATINDEX_BUILD_DIR for a folder of its own). */
export function build(label: string, cwd: string, env: Record<string, string>): void {
	const started = Date.now();
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
	if (result.status !== 0) throw new Error(`Building ${label} failed`);
	console.log(`built ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Builds the app into `build-bench-<name>` (git-ignored, inside the project so it resolves node_modules) and returns that folder. */
export function buildApp(name: string): string {
	const out = path.join(root, `build-bench-${name}`);
	// tsconfig.json extends .svelte-kit's generated one, which a fresh clone has not made yet.
	spawnSync('npx', ['svelte-kit', 'sync'], { cwd: root, stdio: 'inherit' });
	build('the app', root, { SATINDEX_KIT_DIR: `.svelte-kit-bench-${name}`, SATINDEX_BUILD_DIR: out });
	return out;
}

/** Builds the minimal SvelteKit app (bench/submit/minimal-kit) and returns its build folder. */
export function buildMinimalKit(): string {
	build('the minimal SvelteKit app', minimalKitRoot, {});
	return path.join(minimalKitRoot, 'build');
}

/** Starts `node <command>` on the port of `url` and waits until `url` answers. */
export async function start(command: string[], env: Record<string, string>, url: string): Promise<ChildProcess> {
	const port = new URL(url).port;
	const child = spawn(process.execPath, command, { cwd: root, env: { ...process.env, ...env, PORT: port, HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
	for (let i = 0; i < 200; i++) {
		if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited early`);
		try {
			await fetch(url, { redirect: 'manual' });
			return child;
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	throw new Error(`${command.join(' ')} did not start`);
}
