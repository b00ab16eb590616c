import { beforeEach, describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../survey/definition';
import { layoutOf } from './layout';
import { csiBandOf, respondentPlacer } from './respondent';

beforeEach(() => {
	expect.hasAssertions();
});

const likert = (code: string, reversed = false) => ({ code, kind: 'likert' as const, text: { en: code }, required: false, scale: { min: 1, max: 5 }, reversed, notApplicable: false });
const definition: SurveyDefinition = {
	sections: [
		{
			code: 'S',
			title: { en: 'S' },
			items: [likert('A'), likert('B', true), { code: 'R', kind: 'nps', text: { en: 'R' }, required: false, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false }]
		}
	]
};
const layout = layoutOf(definition, () => null);
// Columns A, B (reverse-coded), R; the CSI weighs A 0.75 and B 0.25.
const place = respondentPlacer(layout, { columns: [0, 1], weights: [0.75, 0.25] }, 2);

describe('respondentPlacer', () => {
	it('computes yᵣ with the CSI weights, reverse coding and the NPS group', () => {
		// A = 4 → 75; B = 2 recoded to 4 → 75; R = 9.
		expect(place({ A: 4, B: 2, R: 9 })).toEqual({ group: 'promoter', csi: 75 });
		// A = 5 → 100, B = 5 recoded 1 → 0: 0.75·100 + 0.25·0.
		expect(place({ A: 5, B: 5, R: 6 })).toEqual({ group: 'detractor', csi: 75 });
		expect(place({ A: 1, B: 1, R: 7 })).toEqual({ group: 'passive', csi: 25 });
	});
	it('renormalises over answered items and ignores answers off the scale', () => {
		expect(place({ B: 1, R: 10 })).toEqual({ group: 'promoter', csi: 100 });
		expect(place({ A: 9, B: null, R: 11 })).toEqual({ group: null, csi: null });
	});
});

describe('csiBandOf', () => {
	it('bands at 60 and 80', () => {
		expect([0, 59.99, 60, 79.99, 80, 100].map(csiBandOf)).toEqual(['low', 'low', 'middle', 'middle', 'high', 'high']);
	});
});
