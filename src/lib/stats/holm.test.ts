import { beforeEach, describe, expect, it } from 'vitest';
import oracle from '../../../tests/fixtures/stats/group-vs-rest.json';
import { holmAdjust } from './holm';
import { welchChange } from './trend';

beforeEach(() => {
	expect.hasAssertions();
});

describe('Holm adjustment and group-versus-rest Welch tests (scipy)', () => {
	it('matches the methods oracle', () => {
		holmAdjust(oracle.methodsOracle.p).forEach((p, i) => expect(p).toBeCloseTo(oracle.methodsOracle.holm[i], 12));
	});

	it('matches scipy for each group against the rest, then Holm across the groups', () => {
		const tests = oracle.groups.map(({ group, rest }) => {
			const [n1, m1, s1] = group;
			const [n2, m2, s2] = rest;
			const w = welchChange({ n: n2, mean: m2, sd: s2 }, { n: n1, mean: m1, sd: s1 });
			if (!w.ok) throw new Error(w.error.code);
			return w.value;
		});
		tests.forEach((w, i) => {
			expect(w.difference).toBeCloseTo(oracle.groups[i].difference, 10);
			expect(w.t).toBeCloseTo(oracle.groups[i].t, 8);
			expect(w.p).toBeCloseTo(oracle.groups[i].p, 6);
		});
		holmAdjust(tests.map((w) => w.p)).forEach((p, i) => expect(p).toBeCloseTo(oracle.groups[i].holm, 6));
	});
});
