import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin, Rollup } from 'vite';
import { defineConfig } from 'vitest/config';

const RESPONDENT_PAGE = '/src/routes/(public)/s/[code]/+page@.svelte';
/** What every page loads: Kit's client, the app manifest, the root layout (node 0) and the root error page (node 1). */
const EVERY_PAGE = /\/runtime\/client\/entry\.js$|\/generated\/client-optimized\/(app|nodes\/[01])\.js$/;

/**
 * Svelte's input and select bindings and {#key}. Its runtime index re-exports every feature, so the
 * graph reaches these from any component; named here, they get a file of their own that only pages
 * whose code needs them load, rather than growing the file every page loads.
 */
const RARER_SVELTE_FEATURES = /\/node_modules\/svelte\/src\/internal\/client\/dom\/(elements\/bindings\/(select|input)|blocks\/key)\.js$/;

/** Modules the starts import, directly or not. */
function reachable(starts: string[], getModuleInfo: Rollup.GetModuleInfo): Set<string> {
	const seen = new Set<string>();
	const queue = [...starts];
	for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
		if (seen.has(id)) continue;
		seen.add(id);
		queue.push(...(getModuleInfo(id)?.importedIds ?? []));
	}
	return seen;
}

/**
 * Client chunks for the respondent page, which people open on phones over slow links: left to
 * itself, Rollup cuts Svelte's and Kit's runtime into some twenty small shared files, and gzip
 * compresses each alone. Instead the runtime (with Vite's preload helper) is one `framework` file
 * every page shares, and the questionnaire's own modules one `respondent` file beside its page.
 */
function respondentChunks(): Plugin {
	let plan: { everyPage: Set<string>; respondent: Set<string> } | undefined;
	const manualChunks: Rollup.GetManualChunk = (id, { getModuleIds, getModuleInfo }) => {
		if (!plan) {
			const ids = [...getModuleIds()];
			plan = { everyPage: reachable(ids.filter((m) => EVERY_PAGE.test(m)), getModuleInfo), respondent: reachable(ids.filter((m) => m.endsWith(RESPONDENT_PAGE)), getModuleInfo) };
		}
		if (/\.css$|[?&]type=style/.test(id) || id.includes('/generated/client-optimized/')) return undefined;
		if (RARER_SVELTE_FEATURES.test(id)) return 'svelte-extras';
		if (id.includes('vite/preload-helper') || plan.everyPage.has(id)) return 'framework';
		if (plan.respondent.has(id)) return id.includes('/node_modules/') ? 'framework' : 'respondent';
		return undefined;
	};
	return {
		name: 'satindex-client-chunks',
		// The server build keeps Vite's defaults: readable stack traces, no browser concerns.
		config: (config) =>
			config.build?.ssr
				? undefined
				: // Terser packs the client a few per cent tighter than esbuild (bench/page-weight.ts measures it).
					{
						build: {
							minify: 'terser',
							terserOptions: { compress: { passes: 2 } },
							rollupOptions: { output: { manualChunks } },
							// Every page already holds the shared chunks; listing each page's in the app manifest only weighs it down.
							modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'js' ? deps.filter((dep) => dep.endsWith('.css')) : deps) }
						}
					}
	};
}

export default defineConfig({
	plugins: [sveltekit(), respondentChunks()],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 30_000
	}
});
