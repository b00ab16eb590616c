/**
 * The bank demo's two competitors with planted gaps, so the report's competitor section has
 * something to find: against each bank we lead clearly on one dimension and trail clearly on
 * another, and match it elsewhere. A respondent rates only the banks they used in the last 12
 * months (the screener), the first two items of each dimension, sometimes "don't know".
 */
import { allItems, brandAnswerCodes, isScaled, type Answers, type Competitor, type SurveyDefinition } from '../survey/definition';
import { withCompetitorBlock } from '../survey/competitor-design';
import type { Draw } from './random';

export const BANK_COMPETITORS: Competitor[] = [
	{ code: 'bank-b', name: { 'zh-CN': '乙银行', en: 'Bank B' } },
	{ code: 'bank-c', name: { 'zh-CN': '丙银行', en: 'Bank C' } }
];
/** Per bank: the dimension where we lead, the one where we trail, by `points` scale points (of 1–7) before rounding. */
export const PLANTED_GAPS: Record<string, { lead: string; trail: string; points: number }> = {
	'bank-b': { lead: 'REL', trail: 'RES', points: 0.9 },
	'bank-c': { lead: 'EMP', trail: 'TAN', points: 0.9 }
};
/** Share of respondents who used each bank in the last 12 months. */
const USED_SHARE: Record<string, number> = { 'bank-b': 0.45, 'bank-c': 0.3 };
const RATED_PER_DIMENSION = 2;
const DONT_KNOW = 0.04;

/** The questionnaire with the competitor block: the screener first, the first two items of each of `dimensions` rated for both banks. */
export function withBankCompetitors(definition: SurveyDefinition, dimensions: readonly string[]): SurveyDefinition {
	const rated = new Set(definition.sections.filter((s) => dimensions.includes(s.code)).flatMap((s) => s.items.slice(0, RATED_PER_DIMENSION).map((i) => i.code)));
	const block = withCompetitorBlock(definition, BANK_COMPETITORS);
	const sections = block.sections.map((s) => ({ ...s, items: s.items.map((i) => (isScaled(i) && !rated.has(i.code) ? { ...i, competitors: undefined } : i)) }));
	return { ...block, sections };
}

/**
 * A respondent's screener answer and ratings of the banks they used: around `base` (their own
 * dimension levels before any planted drop of ours) shifted by the planted gap; `straight` answers
 * every rating alike.
 */
export function competitorAnswers(definition: SurveyDefinition, r: Draw, base: Readonly<Record<string, number>>, straight: number | null): Answers {
	const used = BANK_COMPETITORS.map((c) => c.code).filter((code) => r.chance(USED_SHARE[code]));
	const answers: Answers = { [definition.competitorScreener!]: used };
	for (const item of allItems(definition)) {
		if (!isScaled(item) || !item.indicator) continue;
		const d = item.indicator.replace(/\d+$/, '');
		for (const { code, brand } of brandAnswerCodes(item).filter((b) => used.includes(b.brand))) {
			const planted = PLANTED_GAPS[brand];
			const shift = d === planted.lead ? -planted.points : d === planted.trail ? planted.points : 0;
			answers[code] = r.chance(DONT_KNOW) ? null : (straight ?? r.onScale(base[d] + shift + 0.6 * r.normal(), 1, 7));
		}
	}
	return answers;
}
