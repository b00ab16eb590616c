import { beforeEach, describe, expect, it } from 'vitest';
import {
	codeProblem,
	directPointsSum,
	duplicateCodes,
	flattenTree,
	indentNode,
	leafNodes,
	moveNode,
	outdentNode,
	pathProblem,
	shiftNode,
	type IndicatorNode
} from './indicator-tree';

beforeEach(() => {
	expect.hasAssertions();
});

function node(id: string, parentId: string | null, position: number, modelRole: IndicatorNode['modelRole'] = null): IndicatorNode {
	return { id, parentId, code: id.toUpperCase(), nameZh: id, nameEn: id, description: '', position, modelRole, weights: {} };
}

// a (a1, a2), b (b1)
const tree = [node('a', null, 0), node('a1', 'a', 0), node('a2', 'a', 1), node('b', null, 1), node('b1', 'b', 0)];
const order = (nodes: IndicatorNode[]) => flattenTree(nodes).map((e) => `${e.node.id}@${e.depth}`);

describe('indicator tree', () => {
	it('lists nodes depth first and finds the leaves', () => {
		expect(order(tree)).toEqual(['a@1', 'a1@2', 'a2@2', 'b@1', 'b1@2']);
		expect(leafNodes(tree).map((n) => n.id)).toEqual(['a1', 'a2', 'b1']);
	});

	it('moves a node to another parent and renumbers both sibling lists', () => {
		const moved = moveNode(tree, 'a1', 'b', 0)!;
		expect(order(moved)).toEqual(['a@1', 'a2@2', 'b@1', 'a1@2', 'b1@2']);
		expect(moved.find((n) => n.id === 'a2')?.position).toBe(0);
		expect(moved.find((n) => n.id === 'b1')?.position).toBe(1);
	});

	it('refuses to move a node inside itself or under a missing parent', () => {
		expect(moveNode(tree, 'a', 'a1', 0)).toBeNull();
		expect(moveNode(tree, 'a', 'a', 0)).toBeNull();
		expect(moveNode(tree, 'a1', 'nope', 0)).toBeNull();
	});

	it('shifts, indents and outdents for keyboard use', () => {
		expect(order(shiftNode(tree, 'a2', -1))).toEqual(['a@1', 'a2@2', 'a1@2', 'b@1', 'b1@2']);
		expect(order(shiftNode(tree, 'a1', -1))).toEqual(order(tree));
		expect(order(indentNode(tree, 'b'))).toEqual(['a@1', 'a1@2', 'a2@2', 'b@2', 'b1@3']);
		expect(order(outdentNode(tree, 'a2'))).toEqual(['a@1', 'a1@2', 'a2@1', 'b@1', 'b1@2']);
		expect(order(indentNode(tree, 'a'))).toEqual(order(tree));
	});

	it('checks codes: format and uniqueness (case-insensitive), except for the node itself', () => {
		expect(codeProblem(tree, 'c1')).toBeNull();
		expect(codeProblem(tree, 'a1')).toBe('systems.codeTaken');
		expect(codeProblem(tree, 'A1', 'a1')).toBeNull();
		expect(codeProblem(tree, '1abc')).toBe('systems.codeInvalid');
		expect(codeProblem(tree, 'has space')).toBe('systems.codeInvalid');
		expect(duplicateCodes([...tree, { ...node('x', null, 2), code: 'a1' }])).toEqual(['A1', 'a1']);
	});

	it('allows paths only between latent variables, once, without cycles', () => {
		const model = [node('img', null, 0, 'image'), node('sat', null, 1, 'satisfaction'), node('loy', null, 2, 'loyalty'), node('x', null, 3)];
		const paths = [{ fromId: 'img', toId: 'sat' }, { fromId: 'sat', toId: 'loy' }];
		expect(pathProblem(model, paths, { fromId: 'img', toId: 'loy' })).toBeNull();
		expect(pathProblem(model, paths, { fromId: 'img', toId: 'sat' })).toBe('systems.pathExists');
		expect(pathProblem(model, paths, { fromId: 'loy', toId: 'img' })).toBe('systems.pathCycle');
		expect(pathProblem(model, paths, { fromId: 'x', toId: 'img' })).toBe('systems.pathNeedsRoles');
		expect(pathProblem(model, paths, { fromId: 'sat', toId: 'sat' })).toBe('systems.pathSelf');
	});

	it('checks that direct points add up to 100', () => {
		expect(directPointsSum([40, 35, 25])).toEqual({ sum: 100, ok: true });
		expect(directPointsSum([40, 35])).toEqual({ sum: 75, ok: false });
		expect(directPointsSum([120, -20]).ok).toBe(false);
	});
});
