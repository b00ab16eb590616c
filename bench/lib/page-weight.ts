/**
 * The JavaScript a page costs a visitor: every script file a real browser fetched while loading it,
 * each one's size gzipped by us at level 9 (what adapter-node's `precompress` writes to disk, so what
 * a visitor downloads). A cross-check reads the HTML and its `Link` header the way a browser would
 * (script src, modulepreload, inline `import()`), fetches those files and sums them the same way.
 */
import { gzipSync, constants } from 'node:zlib';
import type { Browser } from 'playwright-core';

export const GZIP_LEVEL = constants.Z_BEST_COMPRESSION;

export interface ScriptFile {
	/** Path and query on the server, e.g. `/_app/immutable/entry/start.abc.js`. */
	path: string;
	bytes: number;
	gzipBytes: number;
}

export interface PageWeight {
	url: string;
	files: ScriptFile[];
	bytes: number;
	gzipBytes: number;
}

const isScript = (contentType: string | undefined) => /javascript|ecmascript/.test(contentType ?? '');

function weigh(url: string, bodies: Map<string, Buffer>): PageWeight {
	const files = [...bodies].map(([path, body]) => ({ path, bytes: body.length, gzipBytes: gzipSync(body, { level: GZIP_LEVEL }).length }));
	files.sort((a, b) => b.gzipBytes - a.gzipBytes || a.path.localeCompare(b.path));
	return { url, files, bytes: files.reduce((sum, f) => sum + f.bytes, 0), gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

const pathOf = (url: string) => {
	const parsed = new URL(url);
	return parsed.pathname + parsed.search;
};

/** Every script response the browser received while loading `url` until the network went quiet. */
export async function browserPageWeight(browser: Browser, url: string): Promise<PageWeight> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		const pending: Promise<void>[] = [];
		const bodies = new Map<string, Buffer>();
		page.on('response', (response) => {
			if (!isScript(response.headers()['content-type'])) return;
			pending.push(response.body().then((body) => void bodies.set(pathOf(response.url()), body)));
		});
		const answer = await page.goto(url, { waitUntil: 'networkidle' });
		if (!answer?.ok()) throw new Error(`${url} answered ${answer?.status()}`);
		await Promise.all(pending);
		return weigh(url, bodies);
	} finally {
		await context.close();
	}
}

/** The script files a page names: script src, modulepreload links (in the HTML and the Link header) and inline `import()` targets. */
export function namedScripts(html: string, linkHeader: string | null): string[] {
	const named = new Set<string>();
	for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) named.add(src);
	for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
		const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
		if (href && /\brel="modulepreload"/.test(tag)) named.add(href);
	}
	for (const [, inline] of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
		for (const [, target] of inline.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) named.add(target);
	}
	for (const [, href, params] of (linkHeader ?? '').matchAll(/<([^>]+)>([^,]*)/g)) {
		if (/rel="?modulepreload"?/.test(params)) named.add(href);
	}
	return [...named].map((name) => name.replaceAll('&amp;', '&'));
}

/** The cross-check: the files `namedScripts` finds in the page as served, fetched and weighed without a browser. */
export async function declaredPageWeight(url: string): Promise<PageWeight> {
	const answer = await fetch(url);
	if (!answer.ok) throw new Error(`${url} answered ${answer.status}`);
	const html = await answer.text();
	const bodies = new Map<string, Buffer>();
	for (const name of namedScripts(html, answer.headers.get('link'))) {
		const fileUrl = new URL(name, url).href;
		const file = await fetch(fileUrl);
		if (!file.ok) throw new Error(`${fileUrl} answered ${file.status}`);
		bodies.set(pathOf(fileUrl), Buffer.from(await file.arrayBuffer()));
	}
	return weigh(url, bodies);
}

/** Kilobytes (1,000 bytes) with one decimal, as the targets are stated. */
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
