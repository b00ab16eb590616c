// Starts the built app (build/index.js) on a free port with its own SQLite database.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
	url: string;
	dbPath: string;
	process: ChildProcess;
	output: () => string;
	stop(signal?: NodeJS.Signals): Promise<void>;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

export async function startServer(options: { dbPath?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
	const entry = join(process.env.SATINDEX_BUILD_DIR ?? 'build', 'index.js');
	if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first.`);
	const dir = options.dbPath ? undefined : mkdtempSync(join(tmpdir(), 'satindex-e2e-'));
	const dbPath = options.dbPath ?? join(dir!, 'e2e.db');
	const port = await freePort();
	const url = `http://localhost:${port}`;
	let log = '';
	const child = spawn(process.execPath, [entry], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, DATABASE_URL: dbPath, ...options.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (chunk) => (log += chunk));
	child.stderr!.on('data', (chunk) => (log += chunk));
	await waitForHealth(url, child, () => log);
	return {
		url,
		dbPath,
		process: child,
		output: () => log,
		async stop(signal = 'SIGTERM') {
			// A process ended by a signal has a signalCode and no exitCode.
			if (child.exitCode === null && child.signalCode === null) {
				const exited = new Promise((resolve) => child.once('exit', resolve));
				child.kill(signal);
				await exited;
			}
			if (dir) rmSync(dir, { recursive: true, force: true });
		}
	};
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`The server exited early:\n${log()}`);
		try {
			if ((await fetch(`${url}/api/health`)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`The server did not become healthy in 30 s:\n${log()}`);
}
