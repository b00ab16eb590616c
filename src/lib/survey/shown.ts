// What one respondent is shown, for paging and validation: display conditions (conditions.ts)
// applied to the answers so far. A definition without conditions shows everything, and then
// nothing here costs more than a lookup.
import { itemFieldCodes, validateAnswers, type AnswerErrors, type AnswersResult, type RawAnswers } from './answers';
import { unusedBrandCodes } from './competitors';
import { hasConditions, visibility, type Visibility } from './conditions';
import { allItems, type Answers, type Item, type Section, type SurveyDefinition } from './definition';

/** Remembered per definition object: a version's definition is parsed once, shared and frozen. */
const conditional = new WeakMap<SurveyDefinition, boolean>();

/** Whether any item or section of the definition has a condition. */
export function isConditional(definition: SurveyDefinition): boolean {
	let known = conditional.get(definition);
	if (known === undefined) conditional.set(definition, (known = hasConditions(definition)));
	return known;
}

/**
 * Answers read for paging and storing: what they show (null: no conditions, everything is shown)
 * and, when conditions needed it, the judgement of every item's answer, which any set of shown
 * items then takes its share of instead of being judged again.
 */
export interface Reading {
	shown: Visibility | null;
	judged?: AnswersResult;
}

/** Reads the answers once; only valid answers count, so a malformed answer shows nothing later. */
export function readAnswers(definition: SurveyDefinition, raw: RawAnswers): Reading {
	if (!isConditional(definition)) return { shown: null };
	const judged = validateAnswers(definition, raw);
	return { shown: visibility(definition, judged.answers), judged };
}

/** What these answers show (null when the definition has no conditions: everything is shown). */
export function shownFor(definition: SurveyDefinition, raw: RawAnswers): Visibility | null {
	return readAnswers(definition, raw).shown;
}

/** The section with only its shown items (the section itself when everything is shown). */
export function shownSection(section: Section, shown: Visibility | null): Section {
	return shown ? { ...section, items: section.items.filter((item) => shown.items.has(item.code)) } : section;
}

/**
 * Validates the shown items (of `section`, else of the whole questionnaire): a hidden item is
 * never required, and an answer to it is neither checked nor kept.
 */
export function validateShown(definition: SurveyDefinition, raw: RawAnswers, section?: Section, reading = readAnswers(definition, raw)): AnswersResult {
	const { shown } = reading;
	return validateRead(definition, raw, section ? shownSection(section, shown).items : allItems(definition).filter((item) => !shown || shown.items.has(item.code)), reading);
}

/** Validates `items`, taking their share of the reading's judgement when it has one. */
export function validateRead(definition: SurveyDefinition, raw: RawAnswers, items: readonly Item[], { judged }: Reading): AnswersResult {
	return judged ? shareOf(judged, items) : validateAnswers(definition, raw, items);
}

/** The judgement of `items` out of every item's: each item's answer is judged on its own. */
function shareOf(judged: AnswersResult, items: readonly Item[]): AnswersResult {
	const answers: Answers = {};
	const errors: AnswerErrors = {};
	for (const item of items)
		for (const code of itemFieldCodes(item)) {
			if (code in judged.answers) answers[code] = judged.answers[code];
			else if (!judged.ok && code in judged.errors) errors[code] = judged.errors[code];
		}
	return Object.keys(errors).length ? { ok: false, errors, answers } : { ok: true, answers };
}

/** Indexes of the sections shown, in order (every section when everything is shown). */
export function shownPages(definition: SurveyDefinition, shown: Visibility | null): number[] {
	return definition.sections.flatMap((section, index) => (!shown || shown.sections.has(section.code) ? [index] : []));
}

/**
 * The answers to shown items only (all of them when everything is shown), without ratings of brands
 * the respondent no longer says they use: what a page carries along.
 */
export function keepShown<T extends RawAnswers>(definition: SurveyDefinition, answers: T, shown: Visibility | null): T {
	const unused = unusedBrandCodes(definition, answers);
	if (!shown && unused.size === 0) return answers;
	const fields = shown && new Set(allItems(definition).flatMap((item) => (shown.items.has(item.code) ? itemFieldCodes(item) : [])));
	return Object.fromEntries(Object.entries(answers).filter(([code]) => (!fields || fields.has(code)) && !unused.has(code))) as T;
}
