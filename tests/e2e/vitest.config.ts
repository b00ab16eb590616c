import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests run against the built app (`npm run build` first), one server per file.
export default defineConfig({
	root: fileURLToPath(new URL('../..', import.meta.url)),
	// Tests that seed through the app's services (the demo, mail) import modules written with Kit's alias.
	resolve: { alias: { $lib: fileURLToPath(new URL('../../src/lib', import.meta.url)) } },
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// The CI machine's speed drifts by a factor of two or three from one minute to the next.
		expect: { poll: { timeout: 20_000 } }
	}
});
