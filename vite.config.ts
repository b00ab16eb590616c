import path from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin, Rollup } from 'vite';
import { defineConfig } from 'vitest/config';

const RESPONDENT_PAGE = '/src/routes/(public)/s/[code]/+page@.svelte';
/** What every page loads: Kit's client, the app manifest, the root layout (node 0) and the root error page (node 1). */
const EVERY_PAGE = /\/runtime\/client\/entry\.js$|\/generated\/client-optimized\/(app|nodes\/[01])\.js$/;

/** Svelte's runtime index: it re-exports every feature, so following all of its imports would reach all of them. */
const SVELTE_RUNTIME_INDEX = '/node_modules/svelte/src/internal/client/index.js';

/**
 * Imports inside Svelte's runtime that serve only spread attributes on an element (`{...attrs}`),
 * which no page writes: the questionnaire's need of the attribute module does not bring the
 * select-binding code of the admin pages into the file every page loads. Should a page spread
 * attributes, the shared file imports that code from the file of its own, and the respondent
 * page's weight test notices.
 */
const SPREAD_ONLY_IMPORTS = [{ from: '/svelte/src/internal/client/dom/elements/attributes.js', to: '/svelte/src/internal/client/dom/elements/bindings/select.js' }];
const spreadOnly = (from: string, to: string) => SPREAD_ONLY_IMPORTS.some((edge) => from.endsWith(edge.from) && to.endsWith(edge.to));

/** The tail of an import from that index, by package name or relative path. */
const FROM_RUNTIME_INDEX = String.raw`\s*from\s*['"][^'"]*internal\/client(?:\/index\.js)?['"]`;

/** The runtime names a module uses: `ns.name` after `import * as ns`, or `import { name }`. */
function runtimeNamesUsed(code: string): Set<string> {
	const names = new Set<string>();
	for (const [, ns] of code.matchAll(new RegExp(String.raw`import\s*\*\s*as\s*([\w$]+)` + FROM_RUNTIME_INDEX, 'g')))
		for (const [, name] of code.matchAll(new RegExp(String.raw`(?<![\w$])${ns.replace(/\$/g, '\\$')}\.([\w$]+)`, 'g'))) names.add(name);
	for (const [, list] of code.matchAll(new RegExp(String.raw`import\s*\{([^}]*)\}` + FROM_RUNTIME_INDEX, 'g')))
		for (const spec of list.split(',')) names.add(spec.trim().split(/\s+as\s+/)[0]);
	return names;
}

/**
 * The modules of Svelte's runtime index that define the names this module uses. A use this
 * cannot see only costs weight: Rollup then gives that feature a file of its own.
 */
function runtimeModulesUsed(importer: Rollup.ModuleInfo, index: Rollup.ModuleInfo): string[] {
	const names = runtimeNamesUsed(importer.code ?? '');
	const folder = index.id.slice(0, index.id.lastIndexOf('/'));
	return Object.entries(index.exportedBindings ?? {})
		.filter(([source, exported]) => source !== '.' && exported.some((name) => names.has(name)))
		.map(([source]) => path.posix.join(folder, source));
}

/**
 * Modules the starts import, directly or not: through Svelte's runtime index, only the features
 * they use, so a feature only other pages use stays out of the files the starts share.
 */
function reachable(starts: string[], getModuleInfo: Rollup.GetModuleInfo): Set<string> {
	const seen = new Set<string>();
	const queue = [...starts];
	for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
		if (seen.has(id)) continue;
		seen.add(id);
		const info = getModuleInfo(id);
		if (!info || id.endsWith(SVELTE_RUNTIME_INDEX)) continue;
		for (const imported of info.importedIds) {
			if (spreadOnly(id, imported)) continue;
			const index = imported.endsWith(SVELTE_RUNTIME_INDEX) ? getModuleInfo(imported) : null;
			queue.push(imported, ...(index ? runtimeModulesUsed(info, index) : []));
		}
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
		if (id.includes('vite/preload-helper') || plan.everyPage.has(id)) return 'framework';
		if (plan.respondent.has(id)) return id.includes('/node_modules/') ? 'framework' : 'respondent';
		// The rest of Svelte's runtime, for the pages that use it; left unnamed, Rollup would fold it into `framework`.
		if (id.includes('/node_modules/svelte/src/')) return 'svelte-extras';
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
