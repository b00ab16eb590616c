// `npm start`: build when the sources are newer than the build, then serve the built app.
// Migrations run inside the server at start-up (hooks.server.ts init).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILT = 'build/index.js';
const SOURCES = ['src', 'static', 'migrations', 'messages', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newestChange(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

function buildIsStale(): boolean {
	if (!existsSync(BUILT)) return true;
	const builtAt = statSync(BUILT).mtimeMs;
	return SOURCES.some((source) => newestChange(source) > builtAt);
}

if (buildIsStale()) {
	console.log('SatIndex: building the app (first start or sources changed)…');
	const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

// CSV imports upload whole files (streamed, not buffered); adapter-node's 512K default would refuse them.
const env: NodeJS.ProcessEnv = { ...process.env, PORT: process.env.PORT ?? '3000', BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '100M' };
console.log(`SatIndex: serving on http://${env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : 'localhost'}:${env.PORT}`);
const server = spawn(process.execPath, [BUILT], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
