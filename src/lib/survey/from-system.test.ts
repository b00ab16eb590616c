import { beforeEach, describe, expect, it } from 'vitest';
import { definitionFromSystem } from './from-system';
import type { IndicatorNode } from './indicator-tree';

beforeEach(() => {
	expect.hasAssertions();
});

const node = (id: string, parentId: string | null, position: number, code = id.toUpperCase()): IndicatorNode => ({
	id,
	parentId,
	code,
	nameZh: `中${id}`,
	nameEn: `En ${id}`,
	description: '',
	position,
	modelRole: null,
	weights: {}
});

describe('definitionFromSystem', () => {
	it('makes a section per level-1 node and an item per leaf beneath it, at any depth, in order', () => {
		const nodes = [node('b', null, 1), node('a', null, 0), node('a2', 'a', 1), node('a1', 'a', 0), node('a1x', 'a1', 0), node('b1', 'b', 0)];
		const definition = definitionFromSystem(nodes, { points: 7 });
		expect(definition.sections.map((s) => [s.code, s.title, s.items.map((i) => i.code)])).toEqual([
			['A', { 'zh-CN': '中a', en: 'En a' }, ['A1X', 'A2']],
			['B', { 'zh-CN': '中b', en: 'En b' }, ['B1']]
		]);
		expect(definition.sections[0].items[0]).toMatchObject({ kind: 'likert', indicator: 'A1X', text: { 'zh-CN': '中a1x', en: 'En a1x' }, scale: { min: 1, max: 7 } });
	});

	it("uses the template's wording for the leaves it knows", () => {
		const nodes = [node('t', null, 0, 'TAN'), node('t1', 't', 0, 'TAN1'), node('t9', 't', 1, 'TAN9')];
		const [first, second] = definitionFromSystem(nodes, { template: 'servqual' }).sections[0].items;
		expect(first).toMatchObject({ kind: 'pair', code: 'TAN1', indicator: 'TAN1', perceptionText: { en: 'This company has modern-looking equipment.' } });
		expect(second).toMatchObject({ kind: 'likert', code: 'TAN9' });
	});
});
