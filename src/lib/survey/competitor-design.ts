// Competitors as the designer sets them up: the design checks for competitor items and the
// screener, the one-step competitor block added to a questionnaire made from a template, and the
// competitor form's fields.
import { screenerItem } from './competitors';
import { allItems, brandAnswerCodes, isScaled, type ChoiceItem, type Competitor, type Item, type LocalText, type SurveyDefinition, type SurveyLanguage } from './definition';
import { issue, type DesignIssue } from './design-issue';
import { isValidCode } from './indicator-tree';

export const MAX_COMPETITORS = 5;
/** Points a relative item ("compared with …, we are much worse … much better") may have. */
export const RELATIVE_POINTS = [5, 7];
/** Code of the screener item the competitor block adds. */
export const SCREENER_CODE = 'USED12M';

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
