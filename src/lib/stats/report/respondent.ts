/**
 * One respondent's place in the report: their NPS group from the recommendation item and their
 * own CSI yᵣ = Σ w̃ᵢ (xᵢ − lo)/(hi − lo) × 100 (methods.md §1) with the weights the report's CSI
 * uses, renormalised over the items they answered, so an open answer can be read beside both.
 */
import { npsGroupOf, type NpsGroup } from '../../survey/conditions';
import type { Answers } from '../../survey/definition';
import type { AnalysisLayout } from './layout';

export const csiBands = ['low', 'middle', 'high'] as const;
export type CsiBand = (typeof csiBands)[number];

/** The CSI band of a 0–100 index: below 60 low, 60 to below 80 middle, 80 and above high. */
export function csiBandOf(score: number): CsiBand {
	return score < 60 ? 'low' : score < 80 ? 'middle' : 'high';
}

export interface RespondentPlace {
	group: NpsGroup | null;
	/** 0–100; null when they answered none of the CSI's items. */
	csi: number | null;
}

/** Reads the answers of `column` as a recoded point on its scale, or null (missing, off the scale). */
function pointOf(layout: AnalysisLayout, column: number, answers: Answers): number | null {
	const c = layout.columns[column];
	const x = answers[c.code];
	if (typeof x !== 'number' || !Number.isInteger(x) || x < c.scale.lo || x > c.scale.hi) return null;
	return c.reversed ? c.scale.lo + c.scale.hi - x : x;
}

/** A function placing each respondent, for the CSI's columns and weights (indices into `layout.columns`) and the NPS column. */
export function respondentPlacer(layout: AnalysisLayout, csi: { columns: readonly number[]; weights: readonly number[] }, npsColumn: number | null): (answers: Answers) => RespondentPlace {
	return (answers) => {
		let total = 0;
		let weight = 0;
		csi.columns.forEach((column, i) => {
			const x = pointOf(layout, column, answers);
			if (x === null || !(csi.weights[i] > 0)) return;
			const { lo, hi } = layout.columns[column].scale;
			total += (csi.weights[i] * (x - lo)) / (hi - lo);
			weight += csi.weights[i];
		});
		const nps = npsColumn === null ? null : pointOf(layout, npsColumn, answers);
		return { group: nps === null ? null : npsGroupOf(nps), csi: weight > 0 ? (100 * total) / weight : null };
	};
}
