// Sections as pages: which page shows what, where a respondent goes next, and the progress shown.
import { itemFieldCodes, type AnswerErrors, type RawAnswers } from './answers';
import { allItems, type Section, type SurveyDefinition, type SurveyLanguage } from './definition';

/** The welcome screen comes before the first section's page. */
export const WELCOME_PAGE = -1;

/** Answers as the form holds them: one string per field, several for multiple choice. */
export type FormAnswers = Record<string, string | string[]>;

/** Where a respondent is in the questionnaire: what the page renders and the form carries along. */
export interface FillState {
	/** Section index, or WELCOME_PAGE. */
	page: number;
	answers: FormAnswers;
	errors: AnswerErrors;
	language: SurveyLanguage;
	/** When the questionnaire was opened (epoch ms), for the response's duration. */
	startedAt: number;
	/** The respondent's seed for item order randomisation. */
	seed: string;
	token: string | null;
	channel: string | null;
}

/** Page index (0-based section index) from a posted or query value, kept within the survey's pages. */
export function clampPage(value: unknown, definition: SurveyDefinition): number {
	const n = typeof value === 'string' && value.trim() === '' ? NaN : Number(value);
	const last = Math.max(0, definition.sections.length - 1);
	return Number.isInteger(n) ? Math.min(last, Math.max(0, n)) : 0;
}

/** The field codes shown on one page; answers to every other code travel along as hidden fields. */
export function pageFieldCodes(section: Section): Set<string> {
	return new Set(section.items.flatMap(itemFieldCodes));
}

/** The posted answers the definition knows, as form strings (anything else is dropped, not echoed). */
export function formAnswers(raw: RawAnswers, definition: SurveyDefinition): FormAnswers {
	const known = new Set(allItems(definition).flatMap(itemFieldCodes));
	const kept: FormAnswers = {};
	for (const [code, value] of Object.entries(raw)) {
		if (!known.has(code)) continue;
		if (typeof value === 'string') kept[code] = value;
		else if (Array.isArray(value)) kept[code] = value.filter((v): v is string => typeof v === 'string');
	}
	return kept;
}

/** The first page with an error, so a failed final post shows the respondent where to look (−1 when none). */
export function firstPageWithErrors(definition: SurveyDefinition, errors: AnswerErrors): number {
	return definition.sections.findIndex((section) => section.items.some((item) => itemFieldCodes(item).some((code) => code in errors)));
}

export type PageIntent = 'next' | 'back' | 'submit' | 'stay';

/** The page to show after an intent on page `page` of `count` (0-based), before validation is considered. */
export function pageAfter(intent: PageIntent, page: number, count: number): number {
	if (intent === 'next') return Math.min(count - 1, page + 1);
	if (intent === 'back') return Math.max(0, page - 1);
	return page;
}

/** Share of the questionnaire behind the respondent when they see page `page` of `count`: 0–100, whole percent. */
export function progressPercent(page: number, count: number): number {
	if (count <= 0) return 100;
	return Math.round((Math.min(Math.max(page, 0), count) / count) * 100);
}
