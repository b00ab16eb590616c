import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate, type Catalog, type MessageParams } from '../../lib/i18n/translate';

let catalog: Catalog | undefined;

/** A message in English from messages/en/*.json (the command line has no Vite to bundle them). */
export function english(key: string, params?: MessageParams): string {
	if (!catalog) {
		const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../messages/en');
		catalog = Object.assign({}, ...readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Catalog));
	}
	return translate(catalog!, key, params);
}
