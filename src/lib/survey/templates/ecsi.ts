// The European Customer Satisfaction Index model: seven latent variables measured on 1–10 scales,
// with the standard inner model (image and expectations drive quality, value and satisfaction;
// satisfaction drives complaints and loyalty). Wording is ours, in both languages.
import { both, latent, tenPoint, type SystemTemplate } from './types';

const { agree, quality, likely, satisfied, level: expectation } = tenPoint;

export const ecsi: SystemTemplate = {
	id: 'ecsi',
	name: both('ECSI customer satisfaction model', 'ECSI 欧洲顾客满意度指数模型'),
	description: both(
		'Seven latent variables (image, expectations, perceived quality, perceived value, satisfaction, complaints, loyalty) with the standard paths, for a PLS path model.',
		'七个潜变量（企业形象、顾客预期、感知质量、感知价值、顾客满意、顾客抱怨、顾客忠诚）及其标准路径，用于 PLS 路径模型。'
	),
	nodes: [
		latent('IMG', 'image', both('Image', '企业形象'), [
			['IMG1', both('Trustworthy', '值得信赖'), both('This company is trustworthy.', '该企业值得信赖。'), agree],
			['IMG2', both('Innovative', '勇于创新'), both('This company is innovative and forward-looking.', '该企业勇于创新、富有远见。'), agree],
			['IMG3', both('Cares about customers', '关心顾客'), both('This company cares about its customers and about society.', '该企业关心顾客，也关心社会。'), agree]
		]),
		latent('EXP', 'expectation', both('Customer expectations', '顾客预期'), [
			['EXP1', both('Expected overall quality', '预期总体质量'), both('Before you became a customer, how high were your expectations of its overall quality?', '在成为该企业的顾客之前，您对其总体质量的预期有多高？'), expectation],
			['EXP2', both('Expected fit to needs', '预期满足需求'), both('Before you became a customer, how well did you expect it to meet your personal needs?', '在成为该企业的顾客之前，您预期它能在多大程度上满足您的个人需求？'), expectation],
			['EXP3', both('Expected reliability', '预期可靠性'), both('Before you became a customer, how reliable did you expect its products and services to be?', '在成为该企业的顾客之前，您预期它的产品和服务有多可靠？'), expectation]
		]),
		latent('PQ', 'quality', both('Perceived quality', '感知质量'), [
			['PQ1', both('Overall quality', '总体质量'), both('How do you rate the overall quality of its products and services?', '您如何评价其产品和服务的总体质量？'), quality],
			['PQ2', both('Fit to needs', '满足需求'), both('How well do its products and services meet your personal needs?', '其产品和服务在多大程度上满足了您的个人需求？'), quality],
			['PQ3', both('Reliability', '可靠性'), both('How reliable are its products and services?', '其产品和服务的可靠程度如何？'), quality]
		]),
		latent('PV', 'value', both('Perceived value', '感知价值'), [
			['PV1', both('Quality for the price', '价格下的质量'), both('Given the price you pay, how do you rate the quality you receive?', '就您支付的价格而言，您如何评价所获得的质量？'), quality],
			['PV2', both('Price for the quality', '质量下的价格'), both('Given the quality you receive, how do you rate the price you pay?', '就您获得的质量而言，您如何评价所支付的价格？'), quality]
		]),
		latent('SAT', 'satisfaction', both('Customer satisfaction', '顾客满意'), [
			['SAT1', both('Overall satisfaction', '总体满意'), both('Overall, how satisfied are you with this company?', '总体而言，您对该企业满意吗？'), satisfied],
			['SAT2', both('Compared with expectations', '与预期相比'), both('To what extent has this company met your expectations?', '该企业在多大程度上达到了您的预期？'), agree],
			['SAT3', both('Compared with the ideal', '与理想相比'), both('How close is this company to your ideal provider?', '该企业与您心目中理想的企业有多接近？'), agree]
		]),
		latent('CMP', 'complaints', both('Complaints', '顾客抱怨'), [
			['CMP1', both('Complaint handling', '投诉处理'), both('If you have complained, or were to complain, how well would this company handle it?', '如果您投诉过（或将来投诉），该企业处理得如何？'), quality]
		]),
		latent('LOY', 'loyalty', both('Customer loyalty', '顾客忠诚'), [
			['LOY1', both('Would choose again', '再次选择'), both('How likely are you to choose this company again?', '您再次选择该企业的可能性有多大？'), likely],
			['LOY2', both('Would recommend', '推荐意愿'), both('How likely are you to recommend this company to friends or colleagues?', '您向亲友或同事推荐该企业的可能性有多大？'), likely],
			['LOY3', both('Price tolerance', '价格容忍'), both('If prices rose by 10 %, how likely would you still be to stay with this company?', '如果价格上涨 10%，您继续选择该企业的可能性有多大？'), likely]
		])
	],
	paths: [
		['IMG', 'EXP'],
		['IMG', 'SAT'],
		['IMG', 'LOY'],
		['EXP', 'PQ'],
		['EXP', 'PV'],
		['EXP', 'SAT'],
		['PQ', 'PV'],
		['PQ', 'SAT'],
		['PV', 'SAT'],
		['SAT', 'CMP'],
		['SAT', 'LOY'],
		['CMP', 'LOY']
	]
};
