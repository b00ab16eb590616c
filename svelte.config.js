import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Separate output folders (SATINDEX_KIT_DIR, SATINDEX_BUILD_DIR) let builds run side by side.
		outDir: process.env.SATINDEX_KIT_DIR ?? '.svelte-kit',
		adapter: adapter({ out: process.env.SATINDEX_BUILD_DIR ?? 'build', precompress: true }),
		// Nonce-based CSP: Kit adds the nonce to its own inline scripts.
		csp: {
			mode: 'nonce',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		},
		// Cross-site form posts are refused in hooks.server.ts instead, with a message in the visitor's language.
		csrf: { trustedOrigins: ['*'] },
		alias: { $migrations: 'migrations' },
		// Links are resolved to pages by the server rather than by a manifest of every route in the
		// browser: that manifest and the code matching it would weigh on the respondent page, which
		// never navigates, while an app page asks once per new address (preloading on hover hides it).
		router: { resolution: 'server' }
	}
};

export default config;
