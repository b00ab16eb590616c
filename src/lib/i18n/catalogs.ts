import { locales, type Locale } from './locales';
import type { Catalog } from './translate';

// Each locale's catalogue is split by area (app.json, stats.json, …) and merged here.
const files = import.meta.glob<Catalog>('/messages/*/*.json', { eager: true, import: 'default' });

export const catalogs: Record<Locale, Catalog> = Object.fromEntries(
	locales.map((locale) => [
		locale,
		Object.assign(
			{},
			...Object.entries(files)
				.filter(([path]) => path.startsWith(`/messages/${locale}/`))
				.map(([, catalog]) => catalog)
		)
	])
) as Record<Locale, Catalog>;

/** Namespaces (first key segment) every page needs: the shell, errors, form validation. */
const commonNamespaces = ['app', 'nav', 'roles', 'errors', 'validation'];

/** Only these namespaces, cut once per locale and area: respondent pages are the hot path. */
const areaCatalogs = new Map<string, Catalog>();

function areaCatalog(locale: Locale, areaNamespace: string): Catalog {
	const key = `${locale}:${areaNamespace}`;
	let catalog = areaCatalogs.get(key);
	if (!catalog) {
		const wanted = new Set([...commonNamespaces, areaNamespace]);
		catalog = Object.fromEntries(Object.entries(catalogs[locale]).filter(([k]) => wanted.has(k.split('.')[0])));
		areaCatalogs.set(key, catalog);
	}
	return catalog;
}

/**
 * The part of a locale's catalogue a page needs. Respondent and expert pages get only their own
 * area's messages, which keeps those phone pages small; every other page gets all of them.
 */
export function catalogForRoute(locale: Locale, routeId: string | null): Catalog {
	const area = routeId?.match(/^\/\(public\)\/(s|ahp)\//)?.[1];
	if (!area) return catalogs[locale];
	return areaCatalog(locale, area === 's' ? 'respond' : 'ahp');
}
