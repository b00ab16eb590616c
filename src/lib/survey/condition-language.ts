// The condition language as data: what an item's or a section's `showIf` holds. Apart from the
// evaluation (conditions.ts) so that the questionnaire's definition can name it without a cycle.

export const conditionOperators = ['equals', 'oneOf', 'not', 'lte', 'gte', 'between', 'answered', 'notAnswered', 'npsGroup'] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

export const npsGroups = ['promoter', 'passive', 'detractor'] as const;
export type NpsGroup = (typeof npsGroups)[number];

/** A value a clause compares with: a scale point or number, or a choice item's option code. */
export type ConditionValue = number | string;

/**
 * One test on one earlier answer. `item` is an answer code: an item's code, or one half of an
 * expectation–perception pair (`CODE_E`, `CODE_P`).
 */
export type Clause =
	| { item: string; op: 'equals' | 'not'; value: ConditionValue }
	| { item: string; op: 'oneOf'; values: ConditionValue[] }
	| { item: string; op: 'lte' | 'gte'; value: number }
	| { item: string; op: 'between'; min: number; max: number }
	| { item: string; op: 'answered' | 'notAnswered' }
	| { item: string; op: 'npsGroup'; group: NpsGroup };

/** Shown when every clause holds (`all`) or at least one does (`any`); an empty list always holds. */
export type Condition = { all: Clause[] } | { any: Clause[] };
