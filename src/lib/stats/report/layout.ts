/**
 * The analysis layout of a questionnaire version: which answer codes become columns of the
 * sufficient statistics (every scaled answer, reverse-coded where the item says so) and which
 * pairs get joint answer counts (satisfaction × loyalty, value × loyalty for the segments).
 */
import { hasConditions, visibility } from '../../survey/conditions';
import { allItems, answerCodes, brandAnswerCodes, EXPECTATION_SUFFIX, isScaled, type Answers, type SurveyDefinition } from '../../survey/definition';
import type { Scale } from '../scores';

export type ColumnPart = 'single' | 'perception' | 'expectation';
export type OutcomeRole = 'satisfaction' | 'loyalty' | 'value';

export interface AnalysisColumn {
	/** Answer code (item code, or pair code + _E/_P). */
	code: string;
	item: string;
	kind: 'likert' | 'rating' | 'nps' | 'pair';
	part: ColumnPart;
	scale: Scale;
	reversed: boolean;
	/** Indicator-node code the item measures, if any. */
	indicator: string | null;
}

export interface AnalysisLayout {
	columns: AnalysisColumn[];
	/** [first, second] answer codes whose joint answers are counted. */
	joints: [string, string][];
	/**
	 * Items (codes) behind columns that are shown only when a condition holds, with what a response
	 * was shown; null when every item is always shown. Cells count who was shown each of them.
	 */
	conditional: ConditionalItems | null;
	/** Changes whenever columns, scales, coding, joints or conditions change: stored with each cell. */
	signature: string;
}

export interface ConditionalItems {
	items: string[];
	/** Item codes shown to a response, from its stored answers (exact: hidden items are never stored). */
	shownOf: (answers: Answers) => ReadonlySet<string>;
}

/** Model role of each indicator code (from the indicator system), for finding outcome items. */
export type RoleOf = (indicator: string | null) => string | null;

function columnsOf(definition: SurveyDefinition): AnalysisColumn[] {
	return allItems(definition).flatMap((item) => {
		if (!isScaled(item)) return [];
		const scale = { lo: item.scale.min, hi: item.scale.max };
		// Ratings of competitors are not ours: they never enter our own scores.
		const brands = new Set(brandAnswerCodes(item).map((b) => b.code));
		return answerCodes(item).filter((code) => !brands.has(code)).map((code) => ({
			code,
			item: item.code,
			kind: item.kind,
			part: item.kind !== 'pair' ? 'single' : code.endsWith(EXPECTATION_SUFFIX) ? 'expectation' : 'perception',
			scale,
			reversed: item.reversed,
			indicator: item.indicator ?? null
		}));
	});
}

/** The first column playing an outcome role: by indicator role, else by item kind (0–10 rating = satisfaction, NPS = loyalty). */
export function outcomeColumn(columns: readonly AnalysisColumn[], role: OutcomeRole, roleOf: RoleOf): AnalysisColumn | null {
	const byRole = columns.find((c) => c.part !== 'expectation' && roleOf(c.indicator) === role);
	if (byRole) return byRole;
	const fallbackKind = role === 'satisfaction' ? 'rating' : role === 'loyalty' ? 'nps' : null;
	return columns.find((c) => c.kind === fallbackKind) ?? null;
}

/** The layout of a version; `roleOf` maps its indicator codes to the system's model roles. */
export function layoutOf(definition: SurveyDefinition, roleOf: RoleOf): AnalysisLayout {
	const columns = columnsOf(definition);
	const loyalty = outcomeColumn(columns, 'loyalty', roleOf);
	const joints: [string, string][] = [];
	for (const role of ['satisfaction', 'value'] as const) {
		const first = outcomeColumn(columns, role, roleOf);
		if (first && loyalty && first.code !== loyalty.code) joints.push([first.code, loyalty.code]);
	}
	const conditional = conditionalItems(definition, columns);
	const conditions = conditional ? { v: conditionsOf(definition) } : {};
	const signature = JSON.stringify({ c: columns.map((c) => [c.code, c.scale.lo, c.scale.hi, c.reversed]), j: joints, ...conditions });
	return { columns, joints, conditional, signature };
}

/** Every condition of the definition: who sees an item depends on the conditions before it too. */
function conditionsOf(definition: SurveyDefinition): unknown[] {
	return definition.sections.map((s) => [s.code, s.showIf ?? null, s.items.map((i) => [i.code, i.showIf ?? null])]);
}

function conditionalItems(definition: SurveyDefinition, columns: readonly AnalysisColumn[]): ConditionalItems | null {
	if (!hasConditions(definition)) return null;
	const withColumns = new Set(columns.map((c) => c.item));
	const items = definition.sections.flatMap((s) => s.items.filter((i) => withColumns.has(i.code) && (s.showIf || i.showIf)).map((i) => i.code));
	return items.length === 0 ? null : { items, shownOf: (answers) => visibility(definition, answers).items };
}

/** Union of layouts (newest last): the newest definition of each column wins; a column whose scale or coding changed keeps the newest. */
export function unionLayout(layouts: readonly AnalysisLayout[]): AnalysisLayout {
	const byCode = new Map<string, AnalysisColumn>();
	for (const layout of [...layouts].reverse()) for (const c of layout.columns) if (!byCode.has(c.code)) byCode.set(c.code, c);
	const newest = layouts.at(-1);
	const joints = newest ? newest.joints : [];
	const columns = [...byCode.values()];
	const items = [...new Set(layouts.flatMap((l) => l.conditional?.items ?? []))];
	// The union never accumulates responses: its conditional items only say which counts cells carry.
	const conditional = items.length === 0 ? null : { items, shownOf: () => new Set<string>() };
	return { columns, joints, conditional, signature: JSON.stringify({ c: columns.map((c) => c.code), j: joints }) };
}
