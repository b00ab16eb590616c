import { beforeEach, describe, expect, it } from 'vitest';
import {
	comparisonPairs,
	expertNodeResult,
	groupNodeResult,
	judgmentFor,
	matrixFromJudgments,
	nearestScalePoint,
	ROOT_NODE,
	SAATY_SCALE,
	valueOfChoice,
	type Judgment,
	type NodeResult
} from './ahp-round';
import { childrenOf, comparableNodes, globalWeights, type TreeNode } from './ahp-tree';

beforeEach(() => {
	expect.hasAssertions();
});

function complete(r: NodeResult): Extract<NodeResult, { complete: true }> {
	if (!r.complete) throw new Error(`incomplete: ${JSON.stringify(r.missing)}`);
	return r;
}

// Saaty's drinks example (methods.md §2): "a–b v" means a is v times as important as b.
const drinks = ['beer', 'coffee', 'milk', 'soda', 'tea', 'water', 'wine'];
const drinkJudgments: [string, string, number][] = [
	['coffee', 'wine', 9], ['coffee', 'tea', 5], ['coffee', 'beer', 2], ['coffee', 'soda', 1], ['coffee', 'milk', 1],
	['water', 'coffee', 2], ['water', 'wine', 9], ['water', 'tea', 9], ['water', 'beer', 3], ['water', 'soda', 2],
	['water', 'milk', 3], ['tea', 'wine', 3], ['beer', 'wine', 9], ['beer', 'tea', 3], ['beer', 'milk', 1],
	['soda', 'wine', 9], ['soda', 'tea', 4], ['soda', 'beer', 2], ['soda', 'milk', 2], ['milk', 'wine', 9], ['milk', 'tea', 3]
];

/** What the expert's form posts: one scale choice per pair, as the radios would send it. */
function drinksAsFormChoices(): Judgment[] {
	return comparisonPairs(drinks).map(({ row, col }) => {
		const given = drinkJudgments.find(([a, b]) => (a === row && b === col) || (a === col && b === row))!;
		const choice = given[0] === row ? given[2] : given[2] === 1 ? 1 : -given[2];
		return { row, col, value: valueOfChoice(String(choice))! };
	});
}

describe('the verbal scale', () => {
	it('has 17 points from 9 through 1 to 1/9, each labelled by a message key', () => {
		expect(SAATY_SCALE).toHaveLength(17);
		expect(SAATY_SCALE.map((p) => p.choice)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, -2, -3, -4, -5, -6, -7, -8, -9]);
		expect(SAATY_SCALE[0]).toMatchObject({ value: 9, side: 'row', labelKey: 'ahp.scale.9' });
		expect(SAATY_SCALE[8]).toMatchObject({ value: 1, side: 'equal', labelKey: 'ahp.scale.1' });
		expect(SAATY_SCALE[16].value).toBeCloseTo(1 / 9, 15);
		expect(SAATY_SCALE[16]).toMatchObject({ side: 'col', labelKey: 'ahp.scale.9' });
	});
	it('reads form choices and refuses anything off the scale', () => {
		expect(valueOfChoice('5')).toBe(5);
		expect(valueOfChoice('-3')).toBeCloseTo(1 / 3, 15);
		for (const bad of ['0', '-1', '10', '2.5', 'x', '', null, undefined]) expect(valueOfChoice(bad)).toBeUndefined();
	});
	it('maps any ratio to the nearest point on the log scale', () => {
		expect(nearestScalePoint(2.7).choice).toBe(3);
		expect(nearestScalePoint(0.3).choice).toBe(-3);
		expect(nearestScalePoint(40).choice).toBe(9);
		expect(nearestScalePoint(1.1).choice).toBe(1);
	});
});

describe('pairs and matrices', () => {
	it('compares each pair of children once, in sibling order', () => {
		expect(comparisonPairs(['A', 'B', 'C'])).toEqual([{ row: 'A', col: 'B' }, { row: 'A', col: 'C' }, { row: 'B', col: 'C' }]);
		expect(comparisonPairs(drinks)).toHaveLength(21);
		expect(comparisonPairs(['A'])).toEqual([]);
	});
	it('reads judgments stored in either orientation and names the missing pairs', () => {
		const js: Judgment[] = [{ row: 'B', col: 'A', value: 4 }];
		expect(judgmentFor(js, 'A', 'B')).toBeCloseTo(0.25, 15);
		expect(judgmentFor(js, 'A', 'C')).toBeUndefined();
		const built = matrixFromJudgments(['A', 'B', 'C'], js);
		expect(built.matrix).toBeNull();
		expect(built.missing).toEqual([{ row: 'A', col: 'C' }, { row: 'B', col: 'C' }]);
	});
});

describe("Saaty's drinks matrix as one expert's answers (methods.md oracle)", () => {
	it('gives the published weights, λmax 7.1766, CI 0.02944 and CR 0.0223', () => {
		const r = complete(expertNodeResult(drinks, drinksAsFormChoices()));
		const published = { beer: 0.1164, coffee: 0.1775, milk: 0.1288, soda: 0.1896, tea: 0.0418, water: 0.3268, wine: 0.0191 };
		for (const [code, w] of Object.entries(published)) expect(r.weights[code], code).toBeCloseTo(w, 4);
		expect(r.lambdaMax).toBeCloseTo(7.1766, 4);
		expect(r.ci).toBeCloseTo(0.02944, 5);
		expect(r.cr).toBeCloseTo(0.0223, 4);
		expect([r.consistent, r.worst]).toEqual([true, []]);
	});
	it('is incomplete while a pair is unanswered', () => {
		const r = expertNodeResult(drinks, drinksAsFormChoices().slice(1));
		expect(r).toEqual({ complete: false, missing: [{ row: 'beer', col: 'coffee' }] });
	});
});

describe('inconsistent answers', () => {
	it('flag CR ≥ 0.10 and name the judgments that contribute most, worst first', () => {
		// A ≫ B, B ≫ C but C ≫ A: a cycle no weights can fit.
		const js: Judgment[] = [{ row: 'A', col: 'B', value: 5 }, { row: 'B', col: 'C', value: 5 }, { row: 'A', col: 'C', value: 1 / 5 }, { row: 'A', col: 'D', value: 1 }, { row: 'B', col: 'D', value: 1 }, { row: 'C', col: 'D', value: 1 }];
		const r = complete(expertNodeResult(['A', 'B', 'C', 'D'], js));
		expect(r.cr).toBeGreaterThanOrEqual(0.1);
		expect(r.consistent).toBe(false);
		expect(r.worst).toHaveLength(3);
		const off = r.worst.map((w) => Math.abs(Math.log((w.judgment * 1) / w.implied)));
		expect([...off].sort((a, b) => b - a)).toEqual(off);
		expect(r.worst.map((w) => `${w.row}${w.col}`)).toContain('AC');
	});
	it('uses the threshold given', () => {
		const js: Judgment[] = [{ row: 'A', col: 'B', value: 3 }, { row: 'A', col: 'C', value: 5 }, { row: 'B', col: 'C', value: 1 }];
		const r = complete(expertNodeResult(['A', 'B', 'C'], js));
		expect(r.cr).toBeGreaterThan(0.01);
		expect(complete(expertNodeResult(['A', 'B', 'C'], js, r.cr / 2)).consistent).toBe(false);
		expect(complete(expertNodeResult(['A', 'B', 'C'], js, 0.1)).consistent).toBe(true);
	});
});

describe('group results (methods.md group AHP oracle)', () => {
	const expert1: Judgment[] = [{ row: 'A', col: 'B', value: 3 }, { row: 'A', col: 'C', value: 5 }, { row: 'B', col: 'C', value: 2 }];
	const expert2: Judgment[] = [{ row: 'A', col: 'B', value: 5 }, { row: 'A', col: 'C', value: 7 }, { row: 'C', col: 'B', value: 1 / 3 }];
	it('AIJ gives w .691263, .208910, .099827 with group CR .02140', () => {
		const g = groupNodeResult(['A', 'B', 'C'], [expert1, expert2], 'aij');
		const r = complete(g.result);
		expect(g.experts).toBe(2);
		expect([r.weights.A, r.weights.B, r.weights.C].map((w) => Number(w.toFixed(6)))).toEqual([0.691263, 0.20891, 0.099827]);
		expect(r.lambdaMax).toBeCloseTo(3.024829, 6);
		expect(r.cr).toBeCloseTo(0.0214, 4);
	});
	it('AIP is the normalised geometric mean of the experts\' priorities, with the same group CR', () => {
		const w1 = complete(expertNodeResult(['A', 'B', 'C'], expert1)).weights;
		const w2 = complete(expertNodeResult(['A', 'B', 'C'], expert2)).weights;
		const g = complete(groupNodeResult(['A', 'B', 'C'], [expert1, expert2], 'aip').result);
		const raw = ['A', 'B', 'C'].map((c) => Math.sqrt(w1[c] * w2[c]));
		const total = raw.reduce((s, x) => s + x, 0);
		['A', 'B', 'C'].forEach((c, i) => expect(g.weights[c]).toBeCloseTo(raw[i] / total, 12));
		expect(g.cr).toBeCloseTo(0.0214, 4);
	});
	it('leaves incomplete experts out, and is incomplete with nobody', () => {
		const g = groupNodeResult(['A', 'B', 'C'], [expert1, expert2.slice(1)], 'aij');
		expect(g.experts).toBe(1);
		expect(complete(g.result).weights.A).toBeCloseTo(complete(expertNodeResult(['A', 'B', 'C'], expert1)).weights.A, 12);
		expect(groupNodeResult(['A', 'B'], [], 'aip')).toEqual({ mode: 'aip', experts: 0, result: { complete: false, missing: [{ row: 'A', col: 'B' }] } });
	});
});

describe('a three-level hierarchy', () => {
	// root → A, B; A → A1, A2, A3; B → B1, B2; A1 → A1a, A1b (consistent judgments, known weights).
	const n = (id: string, parentId: string | null, position: number): TreeNode => ({ id: `n-${id}`, code: id, parentId: parentId && `n-${parentId}`, position });
	const tree = [n('B', null, 1), n('A', null, 0), n('A1', 'A', 0), n('A2', 'A', 1), n('A3', 'A', 2), n('B1', 'B', 0), n('B2', 'B', 1), n('A1a', 'A1', 0), n('A1b', 'A1', 1)];
	const answers: Record<string, Judgment[]> = {
		[ROOT_NODE]: [{ row: 'A', col: 'B', value: 3 }],
		'n-A': [{ row: 'A1', col: 'A2', value: 2 }, { row: 'A1', col: 'A3', value: 4 }, { row: 'A2', col: 'A3', value: 2 }],
		'n-B': [{ row: 'B1', col: 'B2', value: 1 }],
		'n-A1': [{ row: 'A1b', col: 'A1a', value: 3 }]
	};
	const localFrom = (ids: string[]) =>
		new Map(ids.map((id) => [id, complete(expertNodeResult(childrenOf(tree, id).map((c) => c.code), answers[id])).weights]));

	it('finds the nodes with children to compare, root first', () => {
		expect(comparableNodes(tree)).toEqual([ROOT_NODE, 'n-A', 'n-A1', 'n-B']);
	});
	it('multiplies local weights down the tree', () => {
		const rows = globalWeights(tree, localFrom(comparableNodes(tree)));
		const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
		expect(rows.map((r) => r.code)).toEqual(['A', 'A1', 'A1a', 'A1b', 'A2', 'A3', 'B', 'B1', 'B2']);
		expect(byCode.A1a.global).toBeCloseTo(0.75 * (4 / 7) * 0.25, 12);
		expect(byCode.A1b.global).toBeCloseTo(0.75 * (4 / 7) * 0.75, 12);
		expect(byCode.A3.global).toBeCloseTo(0.75 * (1 / 7), 12);
		expect(byCode.B2.global).toBeCloseTo(0.25 * 0.5, 12);
		expect([byCode.A1a.depth, byCode.A1.depth, byCode.A.depth]).toEqual([3, 2, 1]);
		const leaves = ['A1a', 'A1b', 'A2', 'A3', 'B1', 'B2'].reduce((s, c) => s + byCode[c].global, 0);
		expect(leaves).toBeCloseTo(1, 12);
		expect(rows.every((r) => !r.assumed)).toBe(true);
	});
	it('shares equally, flagged, under a parent the round did not cover', () => {
		const rows = globalWeights(tree, localFrom([ROOT_NODE, 'n-A1']));
		const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
		expect(byCode.A2).toMatchObject({ local: 1 / 3, assumed: true });
		expect(byCode.A1a.global).toBeCloseTo(0.75 * (1 / 3) * 0.25, 12);
		expect(byCode.A1a.assumed).toBe(false);
	});
});
