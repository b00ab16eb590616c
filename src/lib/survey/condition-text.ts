// Display conditions as sentences for the people who design and read surveys. Kept apart from the
// evaluator (conditions.ts), which the questionnaire ships to every respondent's browser.
import { conditionClauses, type Clause, type Condition, type ConditionValue } from './conditions';
import { allItems, answerCodes, localText, type Item, type SurveyDefinition, type SurveyLanguage } from './definition';

/** A translator in the reader's locale (the `condition.*` messages). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Values as the reader knows them: a choice's option label in quotes, a number as it is. */
function valueText(item: Item | undefined, value: ConditionValue, language: SurveyLanguage): string {
	if (item && (item.kind === 'single' || item.kind === 'multiple')) {
		const option = item.options.find((o) => o.code === String(value));
		if (option) return `“${localText(option.label, language) || option.code}”`;
	}
	return String(value);
}

function listText(values: string[], t: Translate): string {
	if (values.length <= 1) return values.join('');
	return t('condition.listOr', { items: values.slice(0, -1).join(t('condition.listSeparator')), last: values[values.length - 1] });
}

function clauseText(clause: Clause, item: Item | undefined, language: SurveyLanguage, t: Translate): string {
	const key = `condition.op.${clause.op}`;
	const value = (v: ConditionValue) => valueText(item, v, language);
	switch (clause.op) {
		case 'equals':
		case 'not':
		case 'lte':
		case 'gte':
			return t(key, { item: clause.item, value: value(clause.value) });
		case 'oneOf':
			return t(key, { item: clause.item, values: listText(clause.values.map(value), t) });
		case 'between':
			return t(key, { item: clause.item, min: clause.min, max: clause.max });
		case 'npsGroup':
			return t(key, { item: clause.item, group: t(`condition.nps.${clause.group}`) });
		default:
			return t(key, { item: clause.item });
	}
}

/**
 * The condition as a sentence in the reader's language ("Shown when Q5 is 1 or 2."): `t` speaks
 * the reader's locale, `language` picks the survey texts (option labels) to quote.
 */
export function describeCondition(condition: Condition, definition: SurveyDefinition, language: SurveyLanguage, t: Translate): string {
	const clauses = conditionClauses(condition);
	if (clauses.length === 0) return t('condition.always');
	const items = new Map(allItems(definition).flatMap((item) => answerCodes(item).map((code) => [code, item] as const)));
	const parts = clauses.map((clause) => clauseText(clause, items.get(clause.item), language, t));
	return t('condition.shownWhen', { clauses: parts.join(t('all' in condition ? 'condition.and' : 'condition.or')) });
}
