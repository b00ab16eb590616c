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
