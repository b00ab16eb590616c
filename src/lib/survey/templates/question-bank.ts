// Ready-made questions that satisfaction practice keeps asking: overall satisfaction, likelihood to
// recommend (NPS), repurchase, price tolerance, complaints, reasons for switching and monthly spend
// (for value segments). Each is an item the designer copies into a survey.
import type { ChoiceOption, Item } from '../definition';
import type { ModelRole } from '../indicator-tree';
import { both, endLabelled, type BothTexts } from './types';

export interface BankEntry {
	id: string;
	/** What the question is for, shown in the designer's picker. */
	purpose: BothTexts;
	/** The latent variable it usually measures in a structural model. */
	role?: ModelRole;
	item: Item;
}

function option(code: string, en: string, zh: string): ChoiceOption {
	return { code, label: both(en, zh) };
}

const fivePointLikely = {
	min: 1,
	max: 5,
	labels: [
		both('Definitely not', '肯定不会'),
		both('Probably not', '可能不会'),
		both('Not sure', '说不准'),
		both('Probably', '可能会'),
		both('Definitely', '肯定会')
	]
};

export const questionBank: BankEntry[] = [
	{
		id: 'overall-satisfaction',
		purpose: both('Overall satisfaction, 0–10', '总体满意度（0–10 分）'),
		role: 'satisfaction',
		item: {
			code: 'OSAT',
			kind: 'rating',
			text: both('Overall, how satisfied are you with us?', '总体而言，您对我们的满意程度如何？'),
			required: true,
			scale: endLabelled(10, both('Not at all satisfied', '非常不满意'), both('Extremely satisfied', '非常满意'), 0),
			reversed: false,
			notApplicable: false
		}
	},
	{
		id: 'recommend',
		purpose: both('Likelihood to recommend (NPS), 0–10', '推荐可能性（NPS，0–10 分）'),
		role: 'loyalty',
		item: {
			code: 'NPS',
			kind: 'nps',
			text: both('How likely are you to recommend us to a friend or colleague?', '您向朋友或同事推荐我们的可能性有多大？'),
			required: true,
			scale: endLabelled(10, both('Not at all likely', '完全不可能'), both('Extremely likely', '极有可能'), 0),
			reversed: false,
			notApplicable: false
		}
	},
	{
		id: 'repurchase',
		purpose: both('Repurchase intention', '再购意愿'),
		role: 'loyalty',
		item: {
			code: 'REBUY',
			kind: 'likert',
			text: both('Will you use our products or services again?', '您今后还会继续使用我们的产品或服务吗？'),
			required: true,
			scale: fivePointLikely,
			reversed: false,
			notApplicable: false
		}
	},
	{
		id: 'price-tolerance',
		purpose: both('Price tolerance', '价格容忍度'),
		role: 'loyalty',
		item: {
			code: 'PRICETOL',
			kind: 'single',
			text: both('If our prices went up, by how much could they rise before you would switch to another provider?', '如果我们提价，涨幅达到多少时您会转向其他供应商？'),
			required: true,
			options: [
				option('P0', 'I would switch at any increase', '只要涨价就会转换'),
				option('P5', 'Up to 5 %', '涨幅 5% 以内仍会留下'),
				option('P10', 'Up to 10 %', '涨幅 10% 以内仍会留下'),
				option('P20', 'Up to 20 %', '涨幅 20% 以内仍会留下'),
				option('P20PLUS', 'More than 20 %', '涨幅超过 20% 也会留下')
			]
		}
	},
	{
		id: 'complaint-made',
		purpose: both('Complaint made', '是否投诉过'),
		role: 'complaints',
		item: {
			code: 'COMPL',
			kind: 'single',
			text: both('In the past 12 months, have you made a complaint to us?', '在过去 12 个月里，您向我们投诉过吗？'),
			required: true,
			options: [option('YES', 'Yes', '是'), option('NO', 'No', '否')]
		}
	},
	{
		id: 'complaint-handled',
		purpose: both('Complaint handled well', '投诉处理满意度'),
		role: 'complaints',
		item: {
			code: 'COMPLH',
			kind: 'likert',
			text: both('If you complained: how well was your complaint handled?', '如果您投诉过：您的投诉处理得如何？'),
			required: false,
			scale: endLabelled(5, both('Very badly', '非常差'), both('Very well', '非常好')),
			reversed: false,
			notApplicable: true
		}
	},
	{
		id: 'switch-reasons',
		purpose: both('Reasons for switching', '转换原因'),
		item: {
			code: 'SWITCH',
			kind: 'multiple',
			text: both('What would most likely make you switch to another provider? Choose all that apply.', '哪些原因最可能让您转向其他供应商？（可多选）'),
			required: false,
			options: [
				option('PRICE', 'Price', '价格'),
				option('PRODUCT', 'Product', '产品'),
				option('SERVICE', 'Service', '服务'),
				option('PROMO', "A competitor's promotion", '竞争对手的促销'),
				option('MARKET', 'Changes in the market', '市场变化'),
				option('TECH', 'New technology', '技术变化')
			],
			other: true
		}
	},
	{
		id: 'monthly-spend',
		purpose: both('Monthly spend (for value segments)', '月消费额（用于价值细分）'),
		item: {
			code: 'SPEND',
			kind: 'number',
			text: both('About how much do you spend with us in a typical month?', '您平均每月在我们这里消费多少？'),
			required: false,
			min: 0,
			decimals: 0,
			unit: both('yuan per month', '元/月')
		}
	}
];

/** A copy of a bank question (codes unchanged; the designer makes them unique). */
export function bankItem(id: string): Item | undefined {
	const entry = questionBank.find((e) => e.id === id);
	return entry && structuredClone(entry.item);
}
