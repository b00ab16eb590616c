/**
 * What goes wrong with a CSV file or one of its cells: a message key — `data.import.*` for the
 * file and its layout, `respond.error.*` for a value the questionnaire's own validation refuses —
 * with the placeholders it needs. Pages and the API translate; the CLI prints English.
 */
export interface CsvIssue {
	code: string;
	params?: Record<string, string | number>;
}

/** One line of an import error report: where (1-based row as a spreadsheet shows it, header = 1), which column, what value, why. */
export interface CellError {
	row: number;
	column: string;
	value: string;
	reason: CsvIssue;
}

/** Thrown by the streaming reader when the file itself cannot be read on (encoding, quoting, a runaway row). */
export class CsvInputError extends Error {
	constructor(
		readonly issue: CsvIssue,
		/** The row where reading stopped, when known. */
		readonly row?: number
	) {
		super(issue.code);
	}
}
