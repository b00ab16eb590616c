// The baselines for bench/submit: the smallest SvelteKit app with a POST endpoint and a form action that insert one
// row, built with the same adapter. Output folders come from the bench (temporary directories).
import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default {
	kit: {
		outDir: process.env.MINIMAL_KIT_DIR ?? '.svelte-kit',
		adapter: adapter({ out: process.env.MINIMAL_BUILD_DIR ?? 'build' })
	}
};
