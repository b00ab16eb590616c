// Display conditions: an item or a section is shown only when earlier answers meet its condition.
// The same evaluation runs on the server (paging, validation, storing) and in the browser (live
// showing and hiding), so it is pure and takes validated answers (see validateAnswers).
import { itemFieldCodes } from './answers';
import type { Clause, Condition, ConditionValue, NpsGroup } from './condition-language';
import { allItems, type Answers, type AnswerValue, type SurveyDefinition } from './definition';

export { conditionOperators, npsGroups } from './condition-language';
export type { Clause, Condition, ConditionOperator, ConditionValue, NpsGroup } from './condition-language';

/** What is shown for one respondent's answers: item codes and section codes. */
export interface Visibility {
	items: Set<string>;
	sections: Set<string>;
}

/** The NPS group of a 0–10 answer: 9–10 promoter, 7–8 passive, 0–6 detractor. */
export function npsGroupOf(score: number): NpsGroup {
	return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

const isAnswered = (value: AnswerValue | undefined) => value !== undefined && !(Array.isArray(value) && value.length === 0);

/** Whether an answer is (or, for multiple choice, includes) `wanted`; numbers and their text are alike. */
function matches(value: AnswerValue | undefined, wanted: ConditionValue): boolean {
	if (value === undefined || value === null) return false;
	if (Array.isArray(value)) return value.includes(String(wanted));
	return String(value) === String(wanted);
}

const numeric = (value: AnswerValue | undefined): number | null => (typeof value === 'number' ? value : null);

/**
 * Whether one clause holds for these answers. An unanswered or "not applicable" answer meets no
 * comparison (not even `not`): only `notAnswered` holds for a skipped item.
 */
export function evaluateClause(clause: Clause, answers: Answers): boolean {
	const value = answers[clause.item];
	const n = numeric(value);
	switch (clause.op) {
		case 'answered':
			return isAnswered(value);
		case 'notAnswered':
			return !isAnswered(value);
		case 'equals':
			return matches(value, clause.value);
		case 'not':
			return isAnswered(value) && value !== null && !matches(value, clause.value);
		case 'oneOf':
			return clause.values.some((wanted) => matches(value, wanted));
		case 'lte':
			return n !== null && n <= clause.value;
		case 'gte':
			return n !== null && n >= clause.value;
		case 'between':
			return n !== null && n >= clause.min && n <= clause.max;
		case 'npsGroup':
			return n !== null && npsGroupOf(n) === clause.group;
	}
}

/** Whether a condition holds; no condition always holds. */
export function evaluate(condition: Condition | undefined, answers: Answers): boolean {
	if (!condition) return true;
	return 'all' in condition ? condition.all.every((c) => evaluateClause(c, answers)) : condition.any.some((c) => evaluateClause(c, answers));
}

/** The clauses of a condition, whichever way they are combined. */
export function conditionClauses(condition: Condition): Clause[] {
	return 'all' in condition ? condition.all : condition.any;
}

/** Whether any item or section of the definition has a condition (when none has, everything is shown). */
export function hasConditions(definition: SurveyDefinition): boolean {
	return definition.sections.some((section) => section.showIf || section.items.some((item) => item.showIf));
}

/**
 * What is shown, deciding in questionnaire order: a condition sees only the answers of items
 * shown before it, so an answer left behind on an item that became hidden shows nothing later.
 */
export function visibility(definition: SurveyDefinition, answers: Answers): Visibility {
	const shown: Visibility = { items: new Set(), sections: new Set() };
	const seen: Answers = {};
	for (const section of definition.sections) {
		if (!evaluate(section.showIf, seen)) continue;
		let any = false;
		for (const item of section.items) {
			if (!evaluate(item.showIf, seen)) continue;
			shown.items.add(item.code);
			any = true;
			for (const code of itemFieldCodes(item)) if (code in answers) seen[code] = answers[code];
		}
		if (any) shown.sections.add(section.code);
	}
	return shown;
}

/** The answers of shown items only: what may be stored. */
export function shownAnswers(definition: SurveyDefinition, answers: Answers, shown = visibility(definition, answers)): Answers {
	const kept: Answers = {};
	for (const item of allItems(definition)) {
		if (!shown.items.has(item.code)) continue;
		for (const code of itemFieldCodes(item)) if (code in answers) kept[code] = answers[code];
	}
	return kept;
}
