// `npm run bench [-- name …]`: runs every bench/<name>.ts (or the named ones) one after another,
// so they never compete for the two cores.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const available = readdirSync('bench')
	.filter((file) => file.endsWith('.ts') && file !== 'run.ts')
	.map((file) => file.replace(/\.ts$/, ''))
	.sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length) {
	console.error(`Unknown bench ${unknown.join(', ')}; available: ${available.join(', ')}`);
	process.exit(2);
}

for (const name of wanted.length ? wanted : available) {
	console.log(`\n=== bench/${name}.ts ===`);
	const run = spawnSync('npx', ['tsx', `bench/${name}.ts`], { stdio: 'inherit' });
	if (run.status !== 0) process.exit(run.status ?? 1);
}
