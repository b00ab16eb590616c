// Competitors in the questionnaire: which brands a respondent rates (the "used in the last 12
// months" screener) and what they are called. What only the designer needs (the design checks,
// the competitor block, the competitor form) is in competitor-design.ts, so the respondent page,
// which ships this file, does not carry it.
import { allItems, brandAnswerCodes, type ChoiceItem, type SurveyDefinition, type SurveyLanguage } from './definition';

/** The screener item named by the definition, if it is a multiple-choice item. */
export function screenerItem(definition: SurveyDefinition): ChoiceItem | null {
	const code = definition.competitorScreener;
	const item = code ? allItems(definition).find((i) => i.code === code) : undefined;
	return item?.kind === 'multiple' ? item : null;
}

/**
 * The brands a respondent rates, from the screener's answer (option codes, as given or as posted);
 * null when the survey has no screener, and every brand is rated.
 */
export function usedBrands(definition: SurveyDefinition, screenerAnswer: unknown): Set<string> | null {
	if (!screenerItem(definition)) return null;
	const chosen = Array.isArray(screenerAnswer) ? screenerAnswer : screenerAnswer === undefined || screenerAnswer === null ? [] : [screenerAnswer];
	return new Set(chosen.filter((v): v is string => typeof v === 'string'));
}

/** Answer codes of brands the screener's answer leaves out (empty without a screener). */
export function unusedBrandCodes(definition: SurveyDefinition, answers: Readonly<Record<string, unknown>>): Set<string> {
	const used = usedBrands(definition, definition.competitorScreener && answers[definition.competitorScreener]);
	if (!used) return new Set();
	return new Set(allItems(definition).flatMap((item) => brandAnswerCodes(item).filter((b) => !used.has(b.brand)).map((b) => b.code)));
}

/** The competitor's name in a language (else the other language, else its code). */
export function competitorName(definition: SurveyDefinition, brand: string, language: SurveyLanguage): string {
	const found = definition.competitors?.find((c) => c.code === brand);
	return found?.name[language] || found?.name[language === 'en' ? 'zh-CN' : 'en'] || brand;
}
