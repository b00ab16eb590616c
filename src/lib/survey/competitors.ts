// Competitors in the questionnaire: which brands a respondent rates (the "used in the last 12
// months" screener), the design checks for competitor items, and the one-step competitor block
// added to a questionnaire made from a template.
import {
	allItems,
	brandAnswerCodes,
	isScaled,
	type ChoiceItem,
	type Competitor,
	type Item,
	type LocalText,
	type SurveyDefinition,
	type SurveyLanguage
} from './definition';
import { isValidCode } from './indicator-tree';
import { issue, type DesignIssue } from './design-issue';

export const MAX_COMPETITORS = 5;
/** Points a relative item ("compared with …, we are much worse … much better") may have. */
export const RELATIVE_POINTS = [5, 7];
/** Code of the screener item the competitor block adds. */
export const SCREENER_CODE = 'USED12M';

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

function competitorListIssues(competitors: readonly Competitor[], languages: readonly SurveyLanguage[]): DesignIssue[] {
	const found: DesignIssue[] = [];
	if (competitors.length > MAX_COMPETITORS) found.push(issue('tooManyCompetitors', { count: competitors.length, max: MAX_COMPETITORS }));
	const seen = new Set<string>();
	for (const c of competitors) {
		if (!isValidCode(c.code)) found.push(issue('invalidCode', { code: c.code }));
		else if (seen.has(c.code.toLowerCase())) found.push(issue('competitorCodeReused', { code: c.code }));
		seen.add(c.code.toLowerCase());
		for (const language of languages) if (!c.name[language]?.trim()) found.push(issue('competitorNameMissing', { code: c.code, language }));
	}
	return found;
}

function itemBrandIssues(item: Item, known: ReadonlySet<string>): DesignIssue[] {
	if (!isScaled(item) || !item.competitors) return [];
	const where = { item: item.code };
	const { mode, brands } = item.competitors;
	if (known.size === 0 || brands.length === 0) return [issue('competitorItemWithoutCompetitor', { item: item.code }, where)];
	const found: DesignIssue[] = [];
	for (const brand of brands) if (!known.has(brand)) found.push(issue('unknownCompetitor', { item: item.code, code: brand }, where));
	if (new Set(brands).size !== brands.length) found.push(issue('competitorCodeReused', { code: brands.find((b, i) => brands.indexOf(b) !== i)! }, where));
	const points = item.scale.max - item.scale.min + 1;
	if (mode === 'relative' && (item.kind !== 'likert' || !RELATIVE_POINTS.includes(points))) found.push(issue('relativeScale', { item: item.code }, where));
	return found;
}

/** The screener must be a multiple choice offering every competitor, on a page before every competitor item (so it works without JavaScript). */
function screenerIssues(definition: SurveyDefinition): DesignIssue[] {
	const code = definition.competitorScreener;
	if (!code) return [];
	const screener = screenerItem(definition);
	if (!screener) return [issue('screenerNotMultiple', { item: code })];
	const options = new Set(screener.options.map((o) => o.code));
	const missing = (definition.competitors ?? []).filter((c) => !options.has(c.code)).map((c) => c.code);
	const found = missing.length ? [issue('screenerMissingBrands', { item: code, codes: missing.join(', ') }, { item: code })] : [];
	const sectionOf = (itemCode: string) => definition.sections.findIndex((s) => s.items.some((i) => i.code === itemCode));
	const screenerPage = sectionOf(code);
	for (const item of allItems(definition)) {
		if (brandAnswerCodes(item).length && sectionOf(item.code) <= screenerPage) found.push(issue('screenerAfterBrands', { item: item.code, screener: code }, { item: item.code }));
	}
	return found;
}

/** Design problems of competitors, competitor items and the screener (all errors). */
export function competitorIssues(definition: SurveyDefinition, languages: readonly SurveyLanguage[]): DesignIssue[] {
	const competitors = definition.competitors ?? [];
	const known = new Set(competitors.map((c) => c.code));
	return [...competitorListIssues(competitors, languages), ...allItems(definition).flatMap((item) => itemBrandIssues(item, known)), ...screenerIssues(definition)];
}

const SCREENER_TEXT: LocalText = {
	'zh-CN': '过去 12 个月里，您还使用过以下哪些机构的服务？',
	en: 'Which of these have you also used in the last 12 months?'
};
const SCREENER_SECTION: LocalText = { 'zh-CN': '您使用过的其他机构', en: 'Other providers you use' };

/**
 * The definition with a competitor block: the competitors, a screener page first, and every
 * scaled item linked to an indicator rated for every competitor (one step for SERVQUAL and CCSI).
 */
export function withCompetitorBlock(definition: SurveyDefinition, competitors: Competitor[]): SurveyDefinition {
	const brands = competitors.map((c) => c.code);
	const screener: ChoiceItem = {
		code: SCREENER_CODE,
		kind: 'multiple',
		text: SCREENER_TEXT,
		required: false,
		options: competitors.map((c) => ({ code: c.code, label: c.name }))
	};
	const sections = definition.sections
		.filter((s) => !s.items.some((i) => i.code === SCREENER_CODE))
		.map((s) => ({ ...s, items: s.items.map((i) => (isScaled(i) && i.indicator ? { ...i, competitors: { mode: 'rated' as const, brands } } : i)) }));
	return { ...definition, competitors, competitorScreener: SCREENER_CODE, sections: [{ code: 'BRANDS', title: SCREENER_SECTION, items: [screener] }, ...sections] };
}

/** Form field of row `row` (0-based) of the competitor form: `competitor.0.code`, `.zh`, `.en`. */
export const competitorField = (row: number, part: 'code' | 'zh' | 'en') => `competitor.${row}.${part}`;

/** The competitors a form lists (rows with every field blank are left out); codes trimmed, names trimmed. */
export function competitorsFromFields(fields: Readonly<Record<string, string>>): Competitor[] {
	const rows: Competitor[] = [];
	// One row past the form's five, so a post listing more is told "too many" rather than cut short.
	for (let row = 0; row < MAX_COMPETITORS + 1; row++) {
		const read = (part: 'code' | 'zh' | 'en') => (fields[competitorField(row, part)] ?? '').trim();
		if (!read('code') && !read('zh') && !read('en')) continue;
		rows.push({ code: read('code'), name: { 'zh-CN': read('zh'), en: read('en') } });
	}
	return rows;
}

/** Problems of a competitor list on its own (codes, count, names in the survey's languages). */
export function competitorListProblems(competitors: readonly Competitor[], languages: readonly SurveyLanguage[]): DesignIssue[] {
	if (competitors.length === 0) return [issue('noCompetitors')];
	return competitorListIssues(competitors, languages);
}
