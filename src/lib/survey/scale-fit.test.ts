import { beforeEach, describe, expect, it } from 'vitest';
import type { Item } from './definition';
import { blocking } from './design-checks';
import type { IndicatorNode } from './indicator-tree';
import { scaleFitIssues } from './scale-fit';

beforeEach(() => {
	expect.hasAssertions();
});

const likert = (code: string, indicator: string | undefined, max = 5): Item => ({ code, kind: 'likert', text: {}, required: true, indicator, scale: { min: 1, max }, reversed: false, notApplicable: false });
const node = (id: string, parentId: string | null): IndicatorNode => ({ id, parentId, code: id.toUpperCase(), nameZh: id, nameEn: id, description: '', position: 0, modelRole: null, weights: {} }) as IndicatorNode;
const nodes = [node('rel', null), node('rel1', 'rel'), node('rel2', 'rel'), node('tan', null), node('tan1', 'tan')];
const definition = (...items: Item[]) => ({ sections: [{ code: 'S', title: {}, items }] });

describe('scale items the CSI cannot use', () => {
	it('warns about a scale item that measures no indicator, and one with other points than its dimension', () => {
		const nps: Item = { code: 'NPS', kind: 'nps', text: {}, required: true, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false };
		const issues = scaleFitIssues(definition(likert('R1', 'REL1'), likert('R2', 'REL2'), likert('R3', 'REL2', 7), likert('T1', 'TAN1', 7), likert('NEW', undefined), nps), nodes);
		expect(issues.map((i) => [i.code, i.params])).toEqual([
			['designer.check.scaleWithoutIndicator', { item: 'NEW' }],
			['designer.check.scalePointsDiffer', { item: 'R3', points: 7, dimension: 'REL', usual: 5 }]
		]);
		expect(blocking(issues)).toEqual([]);
	});

	it('says nothing without an indicator system', () => {
		expect(scaleFitIssues(definition(likert('NEW', undefined)), [])).toEqual([]);
	});
});
