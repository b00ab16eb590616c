export interface AnalysisCellsTable {
	survey_id: string;
	version_id: string;
	/** 'YYYY-MM' in the survey's time zone. */
	period: string;
	/** The response's channel code; '' when it came without one. */
	channel: string;
	/** Signature of the column layout the statistics were built with; a mismatch means "rebuild". */
	layout: string;
	/** Responses folded into this cell. */
	rows: number;
	/** JSON CellData (src/lib/stats/report/cells.ts): ItemStatistics plus joint answer counts. */
	data: string;
	updated_at: number;
}

/** Cells of the responses whose contact had `value` for the segment attribute `attribute` (same statistics as analysis_cells). */
export interface AnalysisSegmentCellsTable extends AnalysisCellsTable {
	attribute: string;
	value: string;
}

export interface ReportPreferencesTable {
	survey_id: string;
	/** The weight method the CSI uses (src/lib/stats/report/weights.ts). */
	weight_method: string;
	updated_by: string | null;
	updated_at: number;
}

export interface OpenAnswerSharingTable {
	survey_id: string;
	/** 1 when people with view access may read the open answers, not only their themes and counts. */
	shared: number;
	updated_by: string | null;
	updated_at: number;
}

export interface AnalysisTables {
	analysis_cells: AnalysisCellsTable;
	analysis_segment_cells: AnalysisSegmentCellsTable;
	report_preferences: ReportPreferencesTable;
	open_answer_sharing: OpenAnswerSharingTable;
}
