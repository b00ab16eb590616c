/** Backslashes and control characters: browsers read `\` as `/` and drop tabs and newlines, so `/\host` and `/<tab>/host` leave the site. */
const AMBIGUOUS = /[\\\u0000-\u001f\u007f]/;

/**
 * A user-supplied place to go back to (`redirectTo`), as a path on this site, or `/` when it is
 * missing or would lead anywhere else. Resolved the way a browser resolves a Location header.
 */
export function sameSiteTarget(target: unknown, here: URL): string {
	if (typeof target !== 'string' || !target.startsWith('/') || AMBIGUOUS.test(target)) return '/';
	const resolved = new URL(target, here.origin);
	if (resolved.origin !== here.origin) return '/';
	return resolved.pathname + resolved.search + resolved.hash;
}
