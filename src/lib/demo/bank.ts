/**
 * The demo's SERVQUAL survey of a retail bank with planted structure, so tests (and people) can
 * check that the report finds it: known dimension effects on overall satisfaction (reliability >
 * responsiveness > assurance > empathy > tangibles, also the direct points), a drop of
 * responsiveness in one quarter at one branch, two reverse-worded items, 5 % missing answers and
 * a few straight-liners; two competitor banks with planted gaps (competitors.ts).
 */
import type { Answers, Item, SurveyDefinition, SurveySettings } from '../survey/definition';
import { definitionFromSystem } from '../survey/from-system';
import type { IndicatorNode } from '../survey/indicator-tree';
import { instantiateTemplate, systemTemplates } from '../survey/templates/index';
import { competitorAnswers, withBankCompetitors } from './competitors';
import { draws, type Draw } from './random';
import type { DemoResponse, DemoSurvey } from './types';

export const BANK_DIMENSIONS = ['TAN', 'REL', 'RES', 'ASS', 'EMP'] as const;
/** Planted effect of each dimension on overall satisfaction (rank order REL > RES > ASS > EMP > TAN). */
export const PLANTED_EFFECTS: Record<(typeof BANK_DIMENSIONS)[number], number> = { TAN: 0.08, REL: 0.35, RES: 0.25, ASS: 0.2, EMP: 0.12 };
const POINTS = { TAN: 10, REL: 30, RES: 25, ASS: 20, EMP: 15 };
const MEANS = { TAN: 5.6, REL: 5.0, RES: 5.0, ASS: 5.4, EMP: 5.1 };
/** Responsiveness drops by this many scale points in PLANTED_DROP.quarter at PLANTED_DROP.channel. */
export const PLANTED_DROP = { dimension: 'RES', quarter: '2025-Q3', channel: 'BR-EAST', points: 1.6 };
export const BANK_BRANCHES = [
	{ code: 'BR-NORTH', name: { 'zh-CN': '城北支行', en: 'North branch' } },
	{ code: 'BR-SOUTH', name: { 'zh-CN': '城南支行', en: 'South branch' } },
	{ code: 'BR-EAST', name: { 'zh-CN': '城东支行', en: 'East branch' } },
	{ code: 'BR-WEST', name: { 'zh-CN': '城西支行', en: 'West branch' } }
];

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const agree7 = { min: 1, max: 7, endLabels: { min: text('Strongly disagree', '非常不同意'), max: text('Strongly agree', '非常同意') } };

function likert(code: string, indicator: string, t: ReturnType<typeof text>, reversed = false): Item {
	return { code, kind: 'likert', text: t, required: false, indicator, scale: agree7, reversed, notApplicable: false };
}

function outcomeNodes(newId: () => string, start: number): IndicatorNode[] {
	const node = (code: string, nameEn: string, nameZh: string, role: IndicatorNode['modelRole'], position: number): IndicatorNode => ({ id: newId(), parentId: null, code, nameEn, nameZh, description: '', position, modelRole: role, weights: {} });
	return [node('SAT', 'Overall satisfaction', '总体满意度', 'satisfaction', start), node('LOY', 'Loyalty', '顾客忠诚', 'loyalty', start + 1), node('VAL', 'Perceived value', '感知价值', 'value', start + 2)];
}

function bankDefinition(nodes: IndicatorNode[]): SurveyDefinition {
	const base = definitionFromSystem(nodes.filter((n) => n.modelRole === null), { template: 'servqual' });
	const sections = base.sections.filter((s) => (BANK_DIMENSIONS as readonly string[]).includes(s.code));
	sections.find((s) => s.code === 'RES')!.items.push(likert('RES_W', 'RES', text('I often have to wait too long to be served.', '我经常需要等待很久才能办理业务。'), true));
	sections.find((s) => s.code === 'EMP')!.items.push(likert('EMP_N', 'EMP', text('Staff do not understand my particular needs.', '员工并不了解我的具体需求。'), true));
	const zeroTen = (lo: ReturnType<typeof text>, hi: ReturnType<typeof text>) => ({ min: 0, max: 10, endLabels: { min: lo, max: hi } });
	sections.push({
		code: 'OUT',
		title: text('Overall', '总体评价'),
		items: [
			{ code: 'SAT1', kind: 'rating', text: text('Overall, how satisfied are you with our bank?', '总体而言，您对本行满意吗？'), required: true, indicator: 'SAT', scale: zeroTen(text('Very dissatisfied', '非常不满意'), text('Very satisfied', '非常满意')), reversed: false, notApplicable: false },
			{ code: 'NPS1', kind: 'nps', text: text('How likely are you to recommend our bank to a friend?', '您向朋友推荐本行的可能性有多大？'), required: true, indicator: 'LOY', scale: zeroTen(text('Not at all likely', '完全不可能'), text('Extremely likely', '极有可能')), reversed: false, notApplicable: false },
			likert('LOY1', 'LOY', text('I will keep banking with you over the next year.', '未来一年我会继续在本行办理业务。')),
			likert('VAL1', 'VAL', text('The fees are fair for the service I get.', '就所获得的服务而言，收费是合理的。')),
			{ code: 'SEG', kind: 'single', text: text('Which best describes you?', '以下哪项最符合您的情况？'), required: false, options: [{ code: 'personal', label: text('Personal customer', '个人客户') }, { code: 'business', label: text('Business customer', '企业客户') }, { code: 'private', label: text('Private banking', '私人银行客户') }] }
		]
	});
	return { sections };
}

export const BANK_SETTINGS: SurveySettings = {
	languages: ['zh-CN', 'en'],
	defaultLanguage: 'zh-CN',
	title: text('Retail bank service quality (SERVQUAL)', '零售银行服务质量调查（SERVQUAL）'),
	welcome: text('Thank you for helping us improve our service.', '感谢您帮助我们改进服务。'),
	thanks: text('Thank you!', '谢谢！'),
	timeZone: 'Asia/Shanghai',
	randomizeItems: false,
	progressBar: true,
	duplicateGuard: 'none'
};

/** Quarter 'YYYY-Qn' of an instant in Shanghai (UTC+8 all year). */
function quarterOf(ms: number): string {
	const d = new Date(ms + 8 * 3600_000);
	return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/**
 * One respondent's answers. `person` (standard normal) is a panel member's lasting disposition: it
 * carries part of the general factor from wave to wave, so panelists' answers correlate over time.
 * Competitor ratings come from their own draws `brands`, so adding them left every other answer as it was.
 */
export function bankAnswers(definition: SurveyDefinition, r: Draw, brands: Draw, at: number, channel: string, person?: number): Answers {
	const g = person === undefined ? r.normal() : 0.6 * person + 0.8 * r.normal();
	const drop = quarterOf(at) === PLANTED_DROP.quarter && channel === PLANTED_DROP.channel;
	const base: Record<string, number> = {};
	const level: Record<string, number> = {};
	let driver = 0;
	for (const d of BANK_DIMENSIONS) {
		const z = 0.5 * g + 0.85 * r.normal();
		const shift = drop && d === PLANTED_DROP.dimension ? -PLANTED_DROP.points : 0;
		base[d] = MEANS[d] + 0.9 * z;
		level[d] = base[d] + shift;
		driver += PLANTED_EFFECTS[d] * (z + shift / 0.9);
	}
	const straight = r.chance(0.03) ? r.onScale(4 + 3 * r.uniform(), 4, 7) : null;
	const answers: Answers = {};
	const sat = r.onScale(7.6 + 2.2 * driver + 0.9 * r.normal(), 0, 10);
	for (const section of definition.sections) {
		for (const item of section.items) {
			const d = item.indicator?.replace(/\d+$/, '') ?? '';
			if (item.kind === 'pair') {
				answers[`${item.code}_E`] = straight ?? r.onScale(6.1 + 0.7 * r.normal(), 1, 7);
				answers[`${item.code}_P`] = straight ?? r.onScale(level[d] + 0.6 * r.normal(), 1, 7);
			} else if (item.kind === 'likert' && item.reversed) answers[item.code] = straight ?? r.onScale(8 - level[d] + 0.6 * r.normal(), 1, 7);
			else if (item.code === 'SAT1') answers[item.code] = sat;
			else if (item.code === 'NPS1') answers[item.code] = r.onScale(sat + 0.4 + 1.1 * r.normal(), 0, 10);
			else if (item.code === 'LOY1') answers[item.code] = r.onScale(1 + (sat / 10) * 6 + 0.8 * r.normal(), 1, 7);
			else if (item.code === 'VAL1') answers[item.code] = r.onScale(4.6 + 0.8 * g + 0.9 * r.normal(), 1, 7);
			else if (item.code === 'SEG') answers[item.code] = r.pick(['personal', 'personal', 'business', 'private']);
		}
	}
	// 5 % of answers missing at random (straight-liners answer everything).
	if (straight === null) for (const code of Object.keys(answers)) if (r.chance(0.05)) delete answers[code];
	// The competitors did not have our drop: their ratings start from the level before it.
	return { ...answers, ...competitorAnswers(definition, brands, base, straight) };
}

/** The bank survey: `count` responses spread over 2024–2025 (8 quarters) and four branches. */
export function bankSurvey(newId: () => string, count = 2000, seed = 20240101): DemoSurvey {
	const template = instantiateTemplate(systemTemplates.servqual, newId);
	for (const n of template.nodes) if (n.parentId === null && n.code in POINTS) n.weights = { direct: POINTS[n.code as keyof typeof POINTS] / 100 };
	const nodes = [...template.nodes, ...outcomeNodes(newId, 5)];
	const definition = withBankCompetitors(bankDefinition(nodes), BANK_DIMENSIONS);
	const r = draws(seed);
	const brands = draws(seed + 1);
	const start = Date.UTC(2023, 11, 31, 16); // 1 January 2024, 00:00 in Shanghai
	const end = Date.UTC(2025, 11, 31, 16);
	const responses: DemoResponse[] = Array.from({ length: count }, () => {
		const at = Math.floor(start + r.uniform() * (end - start));
		const channel = r.pick(BANK_BRANCHES).code;
		return { submittedAt: at, channel, language: r.chance(0.7) ? 'zh-CN' : 'en', answers: bankAnswers(definition, r, brands, at, channel) };
	});
	return {
		code: 'demo-bank',
		title: BANK_SETTINGS.title as DemoSurvey['title'],
		settings: BANK_SETTINGS,
		system: { template: 'servqual', nameZh: '零售银行服务质量（SERVQUAL）', nameEn: 'Retail bank service quality (SERVQUAL)', nodes, paths: [] },
		definition,
		channels: BANK_BRANCHES,
		responses
	};
}
