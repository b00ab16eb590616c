import { beforeEach, describe, expect, it } from 'vitest';
import { resolvePlsModel, type PlsModelSpec } from './pls-spec';

beforeEach(() => expect.hasAssertions());

const items = ['a1', 'a2', 'b1', 'b2', 'c1'];
const good: PlsModelSpec = {
	constructs: [
		{ name: 'A', items: ['a1', 'a2'] },
		{ name: 'B', items: [2, 3] },
		{ name: 'C', items: ['c1'] }
	],
	paths: [['A', 'B'], ['B', 'C'], ['A', 'C']]
};

describe('resolvePlsModel', () => {
	it('numbers items in block order and orders constructs so predecessors come first', () => {
		const result = resolvePlsModel({ ...good, constructs: [good.constructs[2], good.constructs[0], good.constructs[1]] }, items);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const m = result.value;
		expect(m.columns).toEqual([4, 0, 1, 2, 3]);
		expect(m.blocks).toEqual([[0], [1, 2], [3, 4]]);
		expect(m.predecessors).toEqual([[1, 2], [], [1]]);
		expect(m.order.map((j) => m.constructs[j])).toEqual(['A', 'B', 'C']);
	});

	it.each([
		['an unknown item', { ...good, constructs: [{ name: 'A', items: ['zz'] }, ...good.constructs.slice(1)] }, 'stats.pls.unknownItem', { item: 'zz', construct: 'A' }],
		['an item index out of range', { ...good, constructs: [{ name: 'A', items: [9] }, ...good.constructs.slice(1)] }, 'stats.pls.unknownItem', { item: '9' }],
		['a construct with no items', { ...good, constructs: [{ name: 'A', items: [] }, ...good.constructs.slice(1)] }, 'stats.pls.emptyBlock', { construct: 'A' }],
		['an item in two blocks', { ...good, constructs: [...good.constructs.slice(0, 2), { name: 'C', items: ['a2'] }] }, 'stats.pls.itemInTwoBlocks', { item: 'a2', first: 'A', second: 'C' }],
		['a cycle', { ...good, paths: [...good.paths, ['C', 'A']] }, 'stats.pls.cycle', { constructs: 'A, B, C' }],
		['a self-loop', { ...good, paths: [...good.paths, ['B', 'B']] }, 'stats.pls.cycle', { constructs: 'B' }],
		['no paths', { ...good, paths: [] }, 'stats.pls.noPaths', undefined],
		['no constructs', { constructs: [], paths: [] }, 'stats.pls.noConstructs', undefined],
		['a path to an unknown construct', { ...good, paths: [['A', 'Q']] }, 'stats.pls.unknownConstruct', { construct: 'Q' }],
		['a construct without paths', { ...good, paths: [['A', 'B']] }, 'stats.pls.isolatedConstruct', { construct: 'C' }],
		['a duplicate path', { ...good, paths: [...good.paths, ['A', 'B']] }, 'stats.pls.duplicatePath', { from: 'A', to: 'B' }],
		['a duplicate construct name', { ...good, constructs: [...good.constructs, { name: 'A', items: [] }] }, 'stats.pls.duplicateConstruct', { construct: 'A' }]
	] as const)('fails clearly on %s', (_, spec, code, params) => {
		const result = resolvePlsModel(spec as PlsModelSpec, items);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.code).toBe(code);
		if (params) expect(result.error.params).toMatchObject(params);
	});
});
