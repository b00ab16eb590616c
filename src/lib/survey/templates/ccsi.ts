// The China Customer Satisfaction Index model (CCSI, as used by the national quality survey):
// brand image, expected quality, perceived quality, perceived value, satisfaction and loyalty,
// measured on 1–10 scales. Wording is ours, in both languages.
import { both, latent, tenPoint, type SystemTemplate } from './types';

const { agree, quality, likely, satisfied, level: expected } = tenPoint;

export const ccsi: SystemTemplate = {
	id: 'ccsi',
	name: both('CCSI customer satisfaction model', 'CCSI 中国顾客满意度指数模型'),
	description: both(
		'Six latent variables (brand image, expected quality, perceived quality, perceived value, satisfaction, loyalty) with the paths of the Chinese index model.',
		'六个潜变量（品牌形象、预期质量、感知质量、感知价值、顾客满意度、顾客忠诚度）及中国顾客满意度指数模型的路径。'
	),
	nodes: [
		latent('BI', 'image', both('Brand image', '品牌形象'), [
			['BI1', both('Brand reputation', '品牌声誉'), both('This brand has a good reputation.', '该品牌声誉良好。'), agree],
			['BI2', both('Distinctive brand', '品牌特色'), both('This brand stands out clearly from its competitors.', '该品牌与竞争对手相比特色鲜明。'), agree],
			['BI3', both('Trust in the brand', '品牌信任'), both('I trust this brand.', '我信任这个品牌。'), agree]
		]),
		latent('EQ', 'expectation', both('Expected quality', '预期质量'), [
			['EQ1', both('Expected overall quality', '预期总体质量'), both('Before buying, how did you expect its overall quality to be?', '购买之前，您对其总体质量的预期如何？'), expected],
			['EQ2', both('Expected fit to needs', '预期满足需求'), both('Before buying, how well did you expect it to meet your needs?', '购买之前，您预期它能在多大程度上满足您的需求？'), expected],
			['EQ3', both('Expected reliability', '预期可靠性'), both('Before buying, how reliable did you expect it to be?', '购买之前，您预期它的可靠性如何？'), expected]
		]),
		latent('PQ', 'quality', both('Perceived quality', '感知质量'), [
			['PQ1', both('Overall quality', '总体质量'), both('How do you rate its overall quality now that you have used it?', '使用之后，您如何评价它的总体质量？'), quality],
			['PQ2', both('Fit to needs', '满足需求'), both('How well does it meet your needs?', '它在多大程度上满足了您的需求？'), quality],
			['PQ3', both('Reliability', '可靠性'), both('How reliable has it been in use?', '在使用中，它的可靠性如何？'), quality]
		]),
		latent('PV', 'value', both('Perceived value', '感知价值'), [
			['PV1', both('Quality for the price', '价格下的质量'), both('Given its price, how do you rate its quality?', '就其价格而言，您如何评价它的质量？'), quality],
			['PV2', both('Price for the quality', '质量下的价格'), both('Given its quality, how do you rate its price?', '就其质量而言，您如何评价它的价格？'), quality]
		]),
		latent('SAT', 'satisfaction', both('Customer satisfaction', '顾客满意度'), [
			['SAT1', both('Overall satisfaction', '总体满意'), both('Overall, how satisfied are you?', '总体而言，您满意吗？'), satisfied],
			['SAT2', both('Compared with expectations', '与预期相比'), both('Compared with what you expected, how satisfied are you?', '与您的预期相比，您的满意程度如何？'), satisfied],
			['SAT3', both('Compared with competitors', '与同类相比'), both('Compared with similar brands, how satisfied are you?', '与同类品牌相比，您的满意程度如何？'), satisfied]
		]),
		latent('LOY', 'loyalty', both('Customer loyalty', '顾客忠诚度'), [
			['LOY1', both('Would buy again', '再次购买'), both('How likely are you to buy this brand again?', '您再次购买该品牌的可能性有多大？'), likely],
			['LOY2', both('Would recommend', '推荐意愿'), both('How likely are you to recommend this brand to others?', '您向他人推荐该品牌的可能性有多大？'), likely],
			['LOY3', both('Price tolerance', '价格容忍'), both('If its price rose, how likely would you still be to buy it?', '如果价格上涨，您仍然购买的可能性有多大？'), likely]
		])
	],
	paths: [
		['BI', 'EQ'],
		['BI', 'PQ'],
		['BI', 'PV'],
		['BI', 'SAT'],
		['EQ', 'PQ'],
		['EQ', 'PV'],
		['EQ', 'SAT'],
		['PQ', 'PV'],
		['PQ', 'SAT'],
		['PV', 'SAT'],
		['SAT', 'LOY']
	]
};
