import { beforeEach, describe, expect, it } from 'vitest';
import { expectClose, expectFail, expectOk } from '../test-util';
import { groupAhpJudgments, groupAhpPriorities } from './ahp-group';

beforeEach(() => {
	expect.hasAssertions();
});

describe('group AHP (methods.md oracle A1, A2)', () => {
	const a1 = [[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]];
	const a2 = [[1, 5, 7], [1 / 5, 1, 3], [1 / 7, 1 / 3, 1]];
	it('AIJ: geometric-mean judgments 3.872983, 5.916080, 2.449490 → w .691263 .208910 .099827, λ 3.024829, CR .02140', () => {
		const r = expectOk(groupAhpJudgments([a1, a2]));
		expectClose([r.aggregated[0][1], r.aggregated[0][2], r.aggregated[1][2]], [3.872983, 5.91608, 2.44949], 5e-7);
		expectClose(r.weights, [0.691263, 0.20891, 0.099827], 5e-7);
		expect(r.lambdaMax).toBeCloseTo(3.024829, 6);
		expect(r.cr).toBeCloseTo(0.0214, 5);
	});
	it('AIP: normalised geometric mean of the experts\' priorities', () => {
		const r = expectOk(groupAhpPriorities([a1, a2]));
		const [w1, w2] = r.experts.map((e) => e.weights);
		const g = w1.map((w, i) => Math.sqrt(w * w2[i]));
		const total = g.reduce((s, x) => s + x, 0);
		expectClose(r.weights, g.map((x) => x / total), 1e-12);
	});
	it('rejects experts with matrices of different sizes', () => {
		expectFail(groupAhpJudgments([a1, [[1, 2], [0.5, 1]]]), 'stats.matrixShape');
	});
});

describe('weighted experts', () => {
	it('an expert with all the say decides alone', () => {
		const a1 = [[1, 3], [1 / 3, 1]];
		const a2 = [[1, 1 / 5], [5, 1]];
		const r = expectOk(groupAhpJudgments([a1, a2], { expertWeights: [1, 0] }));
		expectClose(r.weights, [0.75, 0.25], 1e-12);
		expectFail(groupAhpPriorities([a1, a2], { expertWeights: [1] }), 'stats.lengthMismatch');
	});
});
