// The display condition of each conditional item as the report quotes it, in both languages.
import { translate, type Catalog } from '../i18n/translate';
import { describeCondition } from './condition-text';
import type { Condition } from './conditions';
import type { SurveyDefinition, SurveyLanguage } from './definition';

/** Zh and en text, as the report model names things. */
export interface Sentences {
	zh: string;
	en: string;
}

/** A sentence for each condition on the way to an item (its section's, then its own). */
function sentence(conditions: Condition[], definition: SurveyDefinition, language: SurveyLanguage, catalog: Catalog): string {
	const t = (key: string, params?: Record<string, string | number>) => translate(catalog, key, params);
	// The report quotes the sentence in brackets, so it goes without its closing full stop.
	const sentences = conditions.map((c) => describeCondition(c, definition, language, t).replace(/[.。]$/, ''));
	return sentences.join(language === 'en' ? '; ' : '；');
}

/** The display condition of every item that has one (its own or its section's), by item code. */
export function conditionSentences(definition: SurveyDefinition, catalogs: Record<SurveyLanguage, Catalog>): Record<string, Sentences> {
	const out: Record<string, Sentences> = {};
	for (const section of definition.sections)
		for (const item of section.items) {
			const conditions = [section.showIf, item.showIf].filter((c): c is Condition => c !== undefined);
			if (conditions.length > 0) out[item.code] = { zh: sentence(conditions, definition, 'zh-CN', catalogs['zh-CN']), en: sentence(conditions, definition, 'en', catalogs.en) };
		}
	return out;
}
