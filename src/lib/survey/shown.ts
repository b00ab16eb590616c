// What one respondent is shown, for paging and validation: display conditions (conditions.ts)
// applied to the answers so far. A definition without conditions shows everything, and then
// nothing here costs more than a lookup.
import { itemFieldCodes, validateAnswers, type AnswersResult, type RawAnswers } from './answers';
import { hasConditions, visibility, type Visibility } from './conditions';
import { allItems, type Section, type SurveyDefinition } from './definition';

/** Remembered per definition object: a version's definition is parsed once, shared and frozen. */
const conditional = new WeakMap<SurveyDefinition, boolean>();

/** Whether any item or section of the definition has a condition. */
export function isConditional(definition: SurveyDefinition): boolean {
	let known = conditional.get(definition);
	if (known === undefined) conditional.set(definition, (known = hasConditions(definition)));
	return known;
}

/**
 * What these answers show; only valid answers count, so a malformed answer shows nothing later.
 * Null when the definition has no conditions: everything is shown.
 */
export function shownFor(definition: SurveyDefinition, raw: RawAnswers): Visibility | null {
	if (!isConditional(definition)) return null;
	return visibility(definition, validateAnswers(definition, raw).answers);
}

/** The section with only its shown items (the section itself when everything is shown). */
export function shownSection(section: Section, shown: Visibility | null): Section {
	return shown ? { ...section, items: section.items.filter((item) => shown.items.has(item.code)) } : section;
}

/**
 * Validates the shown items (of `section`, else of the whole questionnaire): a hidden item is
 * never required, and an answer to it is neither checked nor kept.
 */
export function validateShown(definition: SurveyDefinition, raw: RawAnswers, section?: Section, shown = shownFor(definition, raw)): AnswersResult {
	const items = section ? shownSection(section, shown).items : allItems(definition).filter((item) => !shown || shown.items.has(item.code));
	return validateAnswers(definition, raw, items);
}

/** Indexes of the sections shown, in order (every section when everything is shown). */
export function shownPages(definition: SurveyDefinition, shown: Visibility | null): number[] {
	return definition.sections.flatMap((section, index) => (!shown || shown.sections.has(section.code) ? [index] : []));
}

/** The answers to shown items only (all of them when everything is shown): what a page carries along. */
export function keepShown<T extends RawAnswers>(definition: SurveyDefinition, answers: T, shown: Visibility | null): T {
	if (!shown) return answers;
	const fields = new Set(allItems(definition).flatMap((item) => (shown.items.has(item.code) ? itemFieldCodes(item) : [])));
	return Object.fromEntries(Object.entries(answers).filter(([code]) => fields.has(code))) as T;
}
