/**
 * The bank demo's customer panel: invented contacts (example.com addresses) with a tier and a
 * region, invited in two waves. Each panelist keeps a disposition between waves; in the second wave
 * core customers gain and general customers slip, so the wave migration has a story to show.
 */
import { bankAnswers, BANK_BRANCHES } from './bank';
import { draws, type Draw } from './random';
import type { DemoContact, DemoPanel, DemoResponse, DemoSurvey, DemoWave } from './types';

/** A panel response: through the personal link of `contact` (external id) in wave `wave` (1-based). */
export type PanelResponse = DemoResponse & { panel: NonNullable<DemoResponse['panel']> };

export const PANEL_VALUE = 'bank-panel';
/** Second-wave change of the disposition by tier, in standard deviations. */
export const PANEL_SHIFT = { core: 1.2, general: -1.2 };
const RESPONSE_RATE = { core: [0.72, 0.66], general: [0.52, 0.44] };
const DAY_MS = 86_400_000;

const PANEL_WAVES: DemoWave[] = [
	{ name: { en: 'Customer panel, wave 1 (July 2025)', 'zh-CN': '客户追踪调查第一轮（2025年7月）' }, sentAt: Date.UTC(2025, 6, 1, 2) },
	{ name: { en: 'Customer panel, wave 2 (October 2025)', 'zh-CN': '客户追踪调查第二轮（2025年10月）' }, sentAt: Date.UTC(2025, 9, 9, 2) }
];
const SURNAMES = [['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['赵', 'zhao'], ['黄', 'huang'], ['周', 'zhou'], ['吴', 'wu']];
const GIVEN = [['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['磊', 'lei'], ['洋', 'yang'], ['婷', 'ting'], ['杰', 'jie'], ['丽', 'li'], ['明', 'ming'], ['红', 'hong']];
const FIRST = ['Anna', 'Ben', 'Chloe', 'David', 'Emma', 'Frank', 'Grace', 'Henry', 'Iris', 'Jack'];
const LAST = ['Smith', 'Brown', 'Taylor', 'Wilson', 'Clark', 'Lewis', 'Walker', 'Hall'];
const REGIONS = ['North', 'South', 'East', 'West'];
const ATTRIBUTES: DemoPanel['attributes'] = [
	{ key: 'tier', label: { en: 'Customer tier', 'zh-CN': '客户等级' }, segment: true },
	{ key: 'region', label: { en: 'Region', 'zh-CN': '地区' }, segment: true },
	{ key: 'panel', label: { en: 'Panel', 'zh-CN': '追踪样本' }, segment: false }
];

function contact(r: Draw, i: number): DemoContact {
	const n = String(i + 1).padStart(3, '0');
	const language = r.chance(0.7) ? 'zh-CN' : 'en';
	const [name, local] = language === 'zh-CN' ? ((s, g) => [s[0] + g[0], `${s[1]}.${g[1]}`])(r.pick(SURNAMES), r.pick(GIVEN)) : ((f, l) => [`${f} ${l}`, `${f}.${l}`.toLowerCase()])(r.pick(FIRST), r.pick(LAST));
	return { externalId: `BANK-${n}`, name, email: `${local}.${n}@example.com`, language, attributes: { tier: r.chance(0.3) ? 'core' : 'general', region: r.pick(REGIONS), panel: PANEL_VALUE } };
}

/**
 * The bank survey with its panel: `size` contacts and their responses to both waves, generated from
 * `seed`, in place of as many of its anonymous responses, so the survey keeps its total.
 */
export function withBankPanel(bank: DemoSurvey, size = 160, seed = 20250701): DemoSurvey {
	const r = draws(seed);
	const brands = draws(seed + 1);
	const contacts = Array.from({ length: size }, (_, i) => contact(r, i));
	const responses: PanelResponse[] = [];
	const startedOnly: DemoPanel['startedOnly'] = [];
	for (const c of contacts) {
		const person = r.normal();
		const channel = BANK_BRANCHES[REGIONS.indexOf(c.attributes.region)].code;
		PANEL_WAVES.forEach((wave, w) => {
			if (!r.chance(RESPONSE_RATE[c.attributes.tier][w])) {
				if (r.chance(0.1)) startedOnly.push({ contact: c.externalId, wave: w + 1 });
				return;
			}
			const at = wave.sentAt + Math.floor((0.05 + 9 * r.uniform() ** 2) * DAY_MS);
			const disposition = person + (w === 1 ? PANEL_SHIFT[c.attributes.tier] : 0);
			responses.push({ submittedAt: at, channel, language: c.language, answers: bankAnswers(bank.definition, r, brands, at, channel, disposition), panel: { contact: c.externalId, wave: w + 1 } });
		});
	}
	const anonymous = bank.responses.slice(0, Math.max(0, bank.responses.length - responses.length));
	return { ...bank, responses: [...anonymous, ...responses], panel: { contacts, waves: PANEL_WAVES, attributes: ATTRIBUTES, startedOnly } };
}
