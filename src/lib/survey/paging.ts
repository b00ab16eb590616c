// Sections as pages: which page shows what, where a respondent goes next, and the progress shown.
import { itemFieldCodes, type AnswerErrors, type RawAnswers } from './answers';
import { allItems, type Section, type SurveyDefinition, type SurveyLanguage } from './definition';
import { readAnswers, shownFor, shownPages, shownSection, validateRead, type Reading } from './shown';

/** The welcome screen comes before the first section's page. */
export const WELCOME_PAGE = -1;

/** A questionnaire page with display conditions posts the item codes it was drawn with in this field. */
export const RENDERED_FIELD = 'shown';

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

/** Remembered per definition object: a version's definition is parsed once, shared and never changed. */
const fieldCodes = new WeakMap<SurveyDefinition, ReadonlySet<string>>();

function fieldCodesOf(definition: SurveyDefinition): ReadonlySet<string> {
	let known = fieldCodes.get(definition);
	if (!known) fieldCodes.set(definition, (known = new Set(allItems(definition).flatMap(itemFieldCodes))));
	return known;
}

/** The posted answers the definition knows, as form strings (anything else is dropped, not echoed). */
export function formAnswers(raw: RawAnswers, definition: SurveyDefinition): FormAnswers {
	const known = fieldCodesOf(definition);
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

/** The page to show for a posted page: itself when shown, else the shown page before it (or after it), so no posted number reaches a hidden section. */
export function landOn(page: number, pages: readonly number[]): number {
	if (pages.includes(page)) return page;
	return pages.findLast((p) => p < page) ?? pages.find((p) => p > page) ?? page;
}

/** The shown page before `page` (itself when there is none). */
export function pageBack(definition: SurveyDefinition, answers: FormAnswers, page: number): number {
	const pages = shownPages(definition, shownFor(definition, answers));
	const here = landOn(page, pages);
	return here !== page ? here : (pages.findLast((p) => p < page) ?? page);
}

/** Where "next" or "submit" leads: a page (with its errors), or submission when no shown page is left. */
export type Forward = { to: 'page'; page: number; errors: AnswerErrors } | { to: 'submit' };

/**
 * Judges "next" on `page` by the server's own evaluation of the answers: a hidden (or forged)
 * page lands on a shown one; errors keep the respondent there; so do items this page's answers
 * have just shown (`rendered` lists the item codes the page was drawn with, null when unknown).
 * `reading` is the caller's own reading of these answers, when it has one to share.
 */
export function forward(definition: SurveyDefinition, answers: RawAnswers, page: number, rendered: ReadonlySet<string> | null, reading: Reading = readAnswers(definition, answers)): Forward {
	const shown = reading.shown;
	const pages = shownPages(definition, shown);
	const here = landOn(page, pages);
	const stay = (errors: AnswerErrors = {}): Forward => ({ to: 'page', page: here, errors });
	const section = definition.sections[here];
	if (here !== page || !section) return stay();
	const visible = shownSection(section, shown);
	// Questions the respondent has not seen yet are asked (not judged) first.
	const unseen = rendered ? visible.items.filter((item) => !rendered.has(item.code)) : [];
	const checked = validateRead(definition, answers, visible.items.filter((item) => !unseen.includes(item)), reading);
	if (!checked.ok) return stay(checked.errors);
	if (unseen.length > 0) return stay();
	const next = pages.find((p) => p > here);
	return next === undefined ? { to: 'submit' } : { to: 'page', page: next, errors: {} };
}

/** Where page `page` stands among the shown pages, for the progress bar: 0-based position and count. */
export function pagePosition(page: number, pages: readonly number[]): { page: number; pages: number } {
	return { page: pages.filter((p) => p < page).length, pages: pages.length };
}

/** Share of the questionnaire behind the respondent when they see page `page` of `count`: 0–100, whole percent. */
export function progressPercent(page: number, count: number): number {
	if (count <= 0) return 100;
	return Math.round((Math.min(Math.max(page, 0), count) / count) * 100);
}
