// SERVQUAL (Parasuraman, Zeithaml & Berry): five service-quality dimensions, 22 indicators, each
// asked twice on a 1–7 agreement scale: what an excellent provider should do (expectation) and
// what this provider does (perception). Wording is ours, in both languages.
import type { PairItem } from '../definition';
import { agreementScale, both, type BothTexts, type SystemTemplate, type TemplateNode } from './types';

/** [code, short name, expectation, perception] per indicator. */
type Row = [string, BothTexts, BothTexts, BothTexts];

function pair([code, name, expectation, perception]: Row): TemplateNode {
	const item: PairItem = {
		code,
		kind: 'pair',
		text: name,
		expectationText: expectation,
		perceptionText: perception,
		required: true,
		indicator: code,
		scale: agreementScale(7),
		reversed: false,
		notApplicable: true
	};
	return { code, name, item };
}

function dimension(code: string, name: BothTexts, description: BothTexts, rows: Row[]): TemplateNode {
	return { code, name, description, children: rows.map(pair) };
}

const tangibles = dimension('TAN', both('Tangibles', '有形性'), both('Physical facilities, equipment and the appearance of staff and materials.', '实体设施、设备以及员工和资料的外观。'), [
	['TAN1', both('Modern equipment', '现代化的设备'), both('Excellent service providers have modern-looking equipment.', '优秀的服务企业应当拥有现代化的设备。'), both('This company has modern-looking equipment.', '该企业拥有现代化的设备。')],
	['TAN2', both('Appealing facilities', '设施美观'), both('The physical facilities of excellent service providers are visually appealing.', '优秀的服务企业的营业场所和设施应当美观舒适。'), both("This company's physical facilities are visually appealing.", '该企业的营业场所和设施美观舒适。')],
	['TAN3', both('Neat staff', '员工仪表整洁'), both('Employees of excellent service providers are neat in appearance.', '优秀的服务企业的员工应当穿着整洁、仪表得体。'), both("This company's employees are neat in appearance.", '该企业的员工穿着整洁、仪表得体。')],
	['TAN4', both('Clear materials', '资料清晰美观'), both('Materials of excellent service providers, such as brochures and statements, are clear and visually appealing.', '优秀的服务企业的宣传册、对账单等资料应当清晰美观。'), both("This company's materials, such as brochures and statements, are clear and visually appealing.", '该企业的宣传册、对账单等资料清晰美观。')]
]);

const reliability = dimension('REL', both('Reliability', '可靠性'), both('Performing the promised service dependably and accurately.', '可靠、准确地履行服务承诺的能力。'), [
	['REL1', both('Keeps promised times', '按承诺时间办事'), both('When excellent service providers promise to do something by a certain time, they do so.', '优秀的服务企业承诺在某个时间完成的事，就会按时完成。'), both('When this company promises to do something by a certain time, it does so.', '该企业承诺在某个时间完成的事，都能按时完成。')],
	['REL2', both('Sincere problem solving', '真诚解决问题'), both('When a customer has a problem, excellent service providers show a sincere interest in solving it.', '顾客遇到问题时，优秀的服务企业应当真诚地帮助解决。'), both('When I have a problem, this company shows a sincere interest in solving it.', '我遇到问题时，该企业真诚地帮助我解决。')],
	['REL3', both('Right first time', '一次做好'), both('Excellent service providers perform the service right the first time.', '优秀的服务企业应当第一次就把服务做好。'), both('This company performs the service right the first time.', '该企业第一次就把服务做好。')],
	['REL4', both('Service when promised', '按时提供服务'), both('Excellent service providers provide their services at the time they promise to.', '优秀的服务企业应当在承诺的时间提供服务。'), both('This company provides its services at the time it promises to.', '该企业在承诺的时间提供服务。')],
	['REL5', both('Error-free records', '记录准确无误'), both('Excellent service providers insist on error-free records.', '优秀的服务企业应当确保各项记录准确无误。'), both('This company keeps error-free records.', '该企业的各项记录准确无误。')]
]);

const responsiveness = dimension('RES', both('Responsiveness', '响应性'), both('Willingness to help customers and to provide prompt service.', '帮助顾客并迅速提供服务的意愿。'), [
	['RES1', both('Says when service happens', '告知服务时间'), both('Employees of excellent service providers tell customers exactly when services will be performed.', '优秀的服务企业的员工应当明确告诉顾客服务何时完成。'), both("This company's employees tell me exactly when services will be performed.", '该企业的员工明确告诉我服务何时完成。')],
	['RES2', both('Prompt service', '服务及时'), both('Employees of excellent service providers give customers prompt service.', '优秀的服务企业的员工应当为顾客提供及时的服务。'), both("This company's employees give me prompt service.", '该企业的员工为我提供及时的服务。')],
	['RES3', both('Willing to help', '乐于助人'), both('Employees of excellent service providers are always willing to help customers.', '优秀的服务企业的员工应当总是乐于帮助顾客。'), both("This company's employees are always willing to help me.", '该企业的员工总是乐于帮助我。')],
	['RES4', both('Never too busy', '再忙也及时回应'), both('Employees of excellent service providers are never too busy to respond to customer requests.', '优秀的服务企业的员工再忙也应当及时回应顾客的请求。'), both("This company's employees are never too busy to respond to my requests.", '该企业的员工再忙也会及时回应我的请求。')]
]);

const assurance = dimension('ASS', both('Assurance', '保证性'), both('Knowledge and courtesy of employees and their ability to inspire trust and confidence.', '员工的专业知识、礼貌以及让顾客信任和放心的能力。'), [
	['ASS1', both('Inspires confidence', '令人信赖'), both('The behaviour of employees of excellent service providers instils confidence in customers.', '优秀的服务企业的员工的言行应当让顾客信赖。'), both("The behaviour of this company's employees instils confidence in me.", '该企业员工的言行让我信赖。')],
	['ASS2', both('Safe transactions', '交易安心'), both('Customers of excellent service providers feel safe in their transactions.', '优秀的服务企业的顾客在办理业务时应当感到安心。'), both('I feel safe in my transactions with this company.', '我与该企业办理业务时感到安心。')],
	['ASS3', both('Courteous staff', '礼貌待客'), both('Employees of excellent service providers are consistently courteous with customers.', '优秀的服务企业的员工应当始终对顾客以礼相待。'), both("This company's employees are consistently courteous with me.", '该企业的员工始终对我以礼相待。')],
	['ASS4', both('Knowledgeable staff', '专业知识'), both('Employees of excellent service providers have the knowledge to answer customer questions.', '优秀的服务企业的员工应当具备回答顾客问题的专业知识。'), both("This company's employees have the knowledge to answer my questions.", '该企业的员工具备回答我问题的专业知识。')]
]);

const empathy = dimension('EMP', both('Empathy', '移情性'), both('Caring, individualised attention given to customers.', '对顾客的关怀和个性化关注。'), [
	['EMP1', both('Individual attention', '个别关注'), both('Excellent service providers give customers individual attention.', '优秀的服务企业应当给予每位顾客个别的关注。'), both('This company gives me individual attention.', '该企业给予我个别的关注。')],
	['EMP2', both('Convenient hours', '营业时间便利'), both('Excellent service providers have operating hours convenient to all their customers.', '优秀的服务企业的营业时间应当方便所有顾客。'), both("This company's operating hours are convenient for me.", '该企业的营业时间对我很方便。')],
	['EMP3', both('Personal care', '个性化关怀'), both('Excellent service providers have employees who give customers personal attention.', '优秀的服务企业的员工应当给予顾客个性化的关怀。'), both('This company has employees who give me personal attention.', '该企业的员工给予我个性化的关怀。')],
	['EMP4', both("Customer's interests at heart", '以顾客利益为重'), both("Excellent service providers have their customers' best interests at heart.", '优秀的服务企业应当把顾客的利益放在心上。'), both('This company has my best interests at heart.', '该企业把我的利益放在心上。')],
	['EMP5', both('Understands needs', '了解顾客需求'), both('Employees of excellent service providers understand the specific needs of their customers.', '优秀的服务企业的员工应当了解顾客的具体需求。'), both("This company's employees understand my specific needs.", '该企业的员工了解我的具体需求。')]
]);

export const servqual: SystemTemplate = {
	id: 'servqual',
	name: both('SERVQUAL service quality', 'SERVQUAL 服务质量'),
	description: both(
		'Five dimensions of service quality with 22 indicators; each asks what customers expect of an excellent provider and what they perceive here (gap = perception − expectation).',
		'服务质量的五个维度共 22 项指标；每项同时询问顾客对优秀企业的期望和对本企业的感知（差距 = 感知 − 期望）。'
	),
	nodes: [tangibles, reliability, responsiveness, assurance, empathy],
	paths: []
};
