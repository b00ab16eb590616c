export type Catalog = Record<string, string>;
export type MessageParams = Record<string, string | number>;

/**
 * Parameters of the statistics engine's messages that carry a code rather than words: a weighting
 * method (`ahp`), or the thing a check was about (`items`, `predictorCorrelations`). Readers see
 * the code's display name from the catalogue instead; a value without one is shown as given.
 */
const codeParams: Record<string, string> = { method: 'report.method.', name: 'stats.subject.', table: 'stats.subject.' };

function displayValue(catalog: Catalog, key: string, name: string, value: string | number): string {
	const prefix = key.startsWith('stats.') ? codeParams[name] : undefined;
	return (prefix && catalog[`${prefix}${value}`]) || String(value);
}

/**
 * The message for `key` with `{name}` placeholders filled; the key itself when the catalogue
 * lacks it (a unit test keeps every key used in the code present in both catalogues).
 */
export function translate(catalog: Catalog, key: string, params?: MessageParams): string {
	const template = catalog[key] ?? key;
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? displayValue(catalog, key, name, params[name]) : whole));
}
