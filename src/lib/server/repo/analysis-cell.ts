// What identifies a cell of the analysis store, and a cell as stored: shared by the plain cells
// (analysis-store.ts) and the contact-segment cells (analysis-segments.ts).

export interface CellKey {
	versionId: string;
	period: string;
	/** '' when the response came without a channel. */
	channel: string;
	/** The contact attribute value the cell is limited to; absent for the cell of all responses. */
	segment?: SegmentKey;
}

export interface SegmentKey {
	attribute: string;
	value: string;
}

export interface StoredCell extends CellKey {
	layout: string;
	rows: number;
	/** JSON CellData. */
	data: string;
}
