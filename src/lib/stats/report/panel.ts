/**
 * A panelist's answers as the wave analyses read them: the 0–10 recommendation item (NPS), and the
 * satisfaction and loyalty outcome items the report's segments use, reverse-coded where the item
 * says so and with the report's cut-offs (top two points).
 */
import type { Answers } from '../../survey/definition';
import { npsGroup, type NpsGroup } from '../nps';
import { ok, type StatsResult } from '../result';
import { loyaltySegmentClassifier, type LoyaltySegment } from '../segments';
import type { SegmentCutoffs, WaveAnswer } from '../wave-migration';
import { outcomeColumn, type AnalysisColumn, type AnalysisLayout, type RoleOf } from './layout';

export interface PanelColumns {
	recommend: AnalysisColumn | null;
	satisfaction: AnalysisColumn | null;
	loyalty: AnalysisColumn | null;
}

/** The recommendation (first NPS item) and the segment pair of a layout, as the report picks them. */
export function panelColumns(layout: AnalysisLayout, roleOf: RoleOf): PanelColumns {
	const satisfaction = outcomeColumn(layout.columns, 'satisfaction', roleOf);
	const loyalty = outcomeColumn(layout.columns, 'loyalty', roleOf);
	const paired = satisfaction !== null && loyalty !== null && satisfaction.code !== loyalty.code;
	return { recommend: layout.columns.find((c) => c.kind === 'nps') ?? null, satisfaction: paired ? satisfaction : null, loyalty: paired ? loyalty : null };
}

/** The segment cut-offs (default: top two points of each scale), null without a segment pair. */
export function segmentCutoffs(columns: PanelColumns): SegmentCutoffs {
	return columns.satisfaction && columns.loyalty ? { satisfaction: { scale: columns.satisfaction.scale }, loyalty: { scale: columns.loyalty.scale } } : null;
}

/** The answer on the column's scale, reverse-coded when the item is; null when missing or off the scale. */
function recoded(answers: Answers, column: AnalysisColumn | null): number | null {
	const x = column ? answers[column.code] : undefined;
	if (!column || typeof x !== 'number' || !Number.isInteger(x) || x < column.scale.lo || x > column.scale.hi) return null;
	return column.reversed ? column.scale.lo + column.scale.hi - x : x;
}

export function panelAnswer(panelist: string, wave: number, answers: Answers, columns: PanelColumns): WaveAnswer {
	return { panelist, wave, recommend: recoded(answers, columns.recommend), satisfaction: recoded(answers, columns.satisfaction), loyalty: recoded(answers, columns.loyalty) };
}

export interface PanelReading {
	/** Satisfaction item score 0–100, null when not answered. */
	satisfactionScore: number | null;
	recommend: number | null;
	npsGroup: NpsGroup | null;
	segment: LoyaltySegment | null;
}

/** What one answer says about its panelist: satisfaction on 0–100, NPS group and segment. */
export function panelReading(answer: WaveAnswer, columns: PanelColumns): StatsResult<PanelReading> {
	const cutoffs = segmentCutoffs(columns);
	const classify = cutoffs ? loyaltySegmentClassifier(cutoffs.satisfaction, cutoffs.loyalty) : null;
	if (classify && !classify.ok) return classify;
	const sat = columns.satisfaction;
	const satisfactionScore = sat && answer.satisfaction !== null ? ((answer.satisfaction - sat.scale.lo) / (sat.scale.hi - sat.scale.lo)) * 100 : null;
	const segment = classify ? classify.value(answer.satisfaction, answer.loyalty) : null;
	return ok({ satisfactionScore, recommend: answer.recommend, npsGroup: answer.recommend === null ? null : npsGroup(answer.recommend), segment });
}
