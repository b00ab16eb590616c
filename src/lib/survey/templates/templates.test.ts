import { beforeEach, describe, expect, it } from 'vitest';
import { allItems, answerCodes, type Item } from '../definition';
import { checkDesign } from '../design-checks';
import { definitionFromSystem } from '../from-system';
import { leafNodes, latentVariables } from '../indicator-tree';
import { instantiateTemplate, questionBank, systemTemplates, templateIds, templateNodes } from './index';

beforeEach(() => {
	expect.hasAssertions();
});

/** Every text an item shows a respondent. */
function textsOf(item: Item) {
	const texts = [item.text];
	if (item.kind === 'pair') texts.push(item.expectationText, item.perceptionText);
	if (item.kind === 'single' || item.kind === 'multiple') texts.push(...item.options.map((o) => o.label));
	if ('scale' in item) texts.push(...(item.scale.labels ?? []), ...(item.scale.endLabels ? [item.scale.endLabels.min, item.scale.endLabels.max] : []));
	if (item.kind === 'number' && item.unit) texts.push(item.unit);
	return texts;
}

let counter = 0;
const newId = () => `n${++counter}`;

describe('built-in templates', () => {
	it.each(templateIds)('%s: every node and item has zh and en text, different from each other', (id) => {
		const template = systemTemplates[id];
		for (const node of templateNodes(template)) {
			expect(node.name.en.trim(), node.code).not.toBe('');
			expect(node.name['zh-CN'], node.code).toMatch(/[\u4e00-\u9fff]/);
			if (node.item) {
				for (const text of textsOf(node.item)) {
					expect(text.en?.trim(), node.code).toBeTruthy();
					expect(text['zh-CN'], node.code).toMatch(/[\u4e00-\u9fff]/);
					expect(text.en).not.toBe(text['zh-CN']);
				}
			}
		}
	});

	it('SERVQUAL has 22 pair indicators in the five dimensions, 4/5/4/4/5', () => {
		const { nodes } = systemTemplates.servqual;
		expect(nodes.map((n) => [n.code, n.name.en, n.name['zh-CN'], n.children?.length])).toEqual([
			['TAN', 'Tangibles', '有形性', 4],
			['REL', 'Reliability', '可靠性', 5],
			['RES', 'Responsiveness', '响应性', 4],
			['ASS', 'Assurance', '保证性', 4],
			['EMP', 'Empathy', '移情性', 5]
		]);
		const leaves = nodes.flatMap((n) => n.children ?? []);
		expect(leaves).toHaveLength(22);
		for (const leaf of leaves) {
			expect(leaf.item?.kind).toBe('pair');
			expect(leaf.item?.code).toBe(leaf.code);
		}
		expect(new Set(leaves.map((l) => l.code)).size).toBe(22);
	});

	it('ECSI has the seven latent variables and the standard paths; CCSI has six', () => {
		expect(systemTemplates.ecsi.nodes.map((n) => n.role)).toEqual(['image', 'expectation', 'quality', 'value', 'satisfaction', 'complaints', 'loyalty']);
		expect(systemTemplates.ecsi.paths).toContainEqual(['PQ', 'SAT']);
		expect(systemTemplates.ecsi.paths).toContainEqual(['SAT', 'LOY']);
		expect(systemTemplates.ecsi.paths).toHaveLength(12);
		expect(systemTemplates.ccsi.nodes.map((n) => n.role)).toEqual(['image', 'expectation', 'quality', 'value', 'satisfaction', 'loyalty']);
		for (const template of Object.values(systemTemplates)) {
			const codes = new Set(template.nodes.map((n) => n.code));
			for (const [from, to] of template.paths) expect(codes.has(from) && codes.has(to), `${from}→${to}`).toBe(true);
		}
	});

	it.each(templateIds)('%s: instantiates into a system whose generated survey passes every design check', (id) => {
		const { nodes, paths } = instantiateTemplate(systemTemplates[id], newId);
		expect(paths).toHaveLength(systemTemplates[id].paths.length);
		expect(latentVariables(nodes).length).toBe(id === 'servqual' ? 0 : systemTemplates[id].nodes.length);
		const definition = definitionFromSystem(nodes, { template: id });
		expect(allItems(definition)).toHaveLength(leafNodes(nodes).length);
		const settings = { languages: ['zh-CN', 'en'] as const, defaultLanguage: 'zh-CN' as const, title: { en: 'T', 'zh-CN': '题' }, welcome: {}, thanks: {}, timeZone: 'Asia/Shanghai', randomizeItems: false, progressBar: true, duplicateGuard: 'none' as const };
		expect(checkDesign({ definition, settings: { ...settings, languages: [...settings.languages] }, nodes, responseCount: 0, responseCap: null })).toEqual([]);
	});

	it('offers the practice questions, all bilingual, with distinct answer codes', () => {
		expect(questionBank.map((e) => e.id)).toEqual([
			'overall-satisfaction',
			'recommend',
			'repurchase',
			'price-tolerance',
			'complaint-made',
			'complaint-handled',
			'switch-reasons',
			'monthly-spend'
		]);
		const switchReasons = questionBank.find((e) => e.id === 'switch-reasons')!.item;
		expect(switchReasons.kind === 'multiple' && switchReasons.options.map((o) => o.code)).toEqual(['PRICE', 'PRODUCT', 'SERVICE', 'PROMO', 'MARKET', 'TECH']);
		const nps = questionBank.find((e) => e.id === 'recommend')!.item;
		expect(nps.kind === 'nps' && [nps.scale.min, nps.scale.max]).toEqual([0, 10]);
		for (const entry of questionBank) for (const text of [entry.purpose, ...textsOf(entry.item)]) expect(text.en && text['zh-CN']).toBeTruthy();
		const codes = questionBank.flatMap((e) => answerCodes(e.item));
		expect(new Set(codes).size).toBe(codes.length);
	});
});
