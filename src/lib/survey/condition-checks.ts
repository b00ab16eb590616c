// Design checks of display conditions: each clause must name an answer that exists and comes
// earlier, must be able to hold on that item's answers, must not take part in a cycle; and every
// item and section must be able to show at all.
import { conditionClauses, type Clause, type Condition } from './conditions';
import { allItems, answerCodes, type Item, type SurveyDefinition } from './definition';
import { issue, type DesignIssue } from './design-issue';

/** What a condition is attached to: an item, or a section (whose condition every item shares). */
interface Holder {
	code: string;
	condition: Condition;
	where: Pick<DesignIssue, 'item' | 'section'>;
	/** Answers at or after this position are not known yet when the condition is evaluated. */
	position: number;
}

const inRange = (n: number, min: number | undefined, max: number | undefined) => (min === undefined || n >= min) && (max === undefined || n <= max);
const numbers = (values: (number | string)[]) => values.map(Number).filter((n) => Number.isFinite(n));

/** Whether some answer to `item` can meet the clause (false: it never holds). */
export function clauseCanHold(clause: Clause, item: Item): boolean {
	if (clause.op === 'answered' || clause.op === 'notAnswered' || clause.op === 'not') return true;
	const wanted = clause.op === 'equals' ? [clause.value] : clause.op === 'oneOf' ? clause.values : null;
	if ('options' in item) {
		const codes = new Set([...item.options.map((o) => o.code), ...(item.other ? ['_other'] : [])]);
		return wanted !== null && wanted.some((value) => codes.has(String(value)));
	}
	if (item.kind === 'text') return wanted !== null;
	const [min, max] = 'scale' in item ? [item.scale.min, item.scale.max] : item.kind === 'number' ? [item.min, item.max] : [];
	const whole = 'scale' in item;
	switch (clause.op) {
		case 'equals':
		case 'oneOf':
			return numbers(wanted!).some((n) => inRange(n, min, max) && (!whole || Number.isInteger(n)));
		case 'lte':
			return min === undefined || clause.value >= min;
		case 'gte':
			return max === undefined || clause.value <= max;
		case 'between':
			return clause.min <= clause.max && inRange(clause.max, min, undefined) && inRange(clause.min, undefined, max);
		case 'npsGroup':
			return whole && min === 0 && max === 10;
	}
}

function holders(definition: SurveyDefinition): Holder[] {
	const found: Holder[] = [];
	let position = 0;
	for (const section of definition.sections) {
		if (section.showIf) found.push({ code: section.code, condition: section.showIf, where: { section: section.code }, position });
		for (const item of section.items) {
			if (item.showIf) found.push({ code: item.code, condition: item.showIf, where: { item: item.code }, position });
			position++;
		}
	}
	return found;
}

/** Unknown, later and impossible references of each clause. */
function clauseIssues(holder: Holder, byAnswer: Map<string, { item: Item; position: number }>): DesignIssue[] {
	return conditionClauses(holder.condition).flatMap((clause) => {
		const params = { target: holder.code, code: clause.item };
		const referred = byAnswer.get(clause.item);
		if (!referred) return [issue('conditionUnknownItem', params, holder.where)];
		if (referred.position >= holder.position) return [issue('conditionLaterItem', params, holder.where)];
		return clauseCanHold(clause, referred.item) ? [] : [issue('conditionNeverTrue', params, holder.where)];
	});
}

/** Cycles among item codes through their conditions (an item depends on its section's condition too). */
function cycleIssues(definition: SurveyDefinition, byAnswer: Map<string, { item: Item }>): DesignIssue[] {
	const dependsOn = new Map<string, string[]>();
	for (const section of definition.sections) {
		for (const item of section.items) {
			const clauses = [section.showIf, item.showIf].flatMap((condition) => (condition ? conditionClauses(condition) : []));
			dependsOn.set(item.code, clauses.flatMap((clause) => byAnswer.get(clause.item)?.item.code ?? []));
		}
	}
	const state = new Map<string, 'open' | 'done'>();
	const found: DesignIssue[] = [];
	const visit = (code: string, path: string[]) => {
		if (state.get(code) === 'done') return;
		if (state.get(code) === 'open') {
			const cycle = [...path.slice(path.indexOf(code)), code];
			found.push(issue('conditionCycle', { codes: cycle.join(' → ') }, { item: code }));
			return;
		}
		state.set(code, 'open');
		for (const next of dependsOn.get(code) ?? []) visit(next, [...path, code]);
		state.set(code, 'done');
	};
	for (const code of dependsOn.keys()) visit(code, []);
	return found;
}

/**
 * Items and sections that no answers can ever show: a condition that cannot hold, because a
 * clause never holds or names an item that itself is never shown. Those whose own condition has a
 * reported fault (`explained`) are not reported again.
 */
function neverShownIssues(definition: SurveyDefinition, byAnswer: Map<string, { item: Item; position: number }>, explained: ReadonlySet<string>): DesignIssue[] {
	const never = new Set<string>();
	const canHold = (clause: Clause, position: number) => {
		const referred = byAnswer.get(clause.item);
		if (!referred || referred.position >= position) return clause.op === 'notAnswered';
		return never.has(referred.item.code) ? clause.op === 'notAnswered' : clauseCanHold(clause, referred.item);
	};
	const possible = (condition: Condition | undefined, position: number) =>
		!condition || ('all' in condition ? condition.all.every((c) => canHold(c, position)) : condition.any.some((c) => canHold(c, position)));
	const found: DesignIssue[] = [];
	let position = 0;
	for (const section of definition.sections) {
		const sectionPossible = possible(section.showIf, position);
		for (const item of section.items) {
			if (!sectionPossible || !possible(item.showIf, position)) never.add(item.code);
			if (sectionPossible && never.has(item.code) && !explained.has(item.code)) found.push(issue('itemNeverShown', { item: item.code }, { item: item.code }));
			position++;
		}
		if (!sectionPossible && !explained.has(section.code)) found.push(issue('sectionNeverShown', { section: section.code }, { section: section.code }));
	}
	return found;
}

/** Every problem with the definition's display conditions (none when it has none). */
export function conditionIssues(definition: SurveyDefinition): DesignIssue[] {
	const all = holders(definition);
	if (all.length === 0) return [];
	const byAnswer = new Map(allItems(definition).flatMap((item, position) => answerCodes(item).map((code) => [code, { item, position }] as const)));
	const faults = all.flatMap((holder) => clauseIssues(holder, byAnswer).map((found) => ({ holder: holder.code, found })));
	const explained = new Set(faults.map((fault) => fault.holder));
	return [...faults.map((fault) => fault.found), ...cycleIssues(definition, byAnswer), ...neverShownIssues(definition, byAnswer, explained)];
}
