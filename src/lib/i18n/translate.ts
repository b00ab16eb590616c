export type Catalog = Record<string, string>;
export type MessageParams = Record<string, string | number>;

/**
 * The message for `key` with `{name}` placeholders filled; the key itself when the catalogue
 * lacks it (a unit test keeps every key used in the code present in both catalogues).
 */
export function translate(catalog: Catalog, key: string, params?: MessageParams): string {
	const template = catalog[key] ?? key;
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}
