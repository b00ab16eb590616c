/**
 * Column names shared by export and import, so that an exported file imports again unchanged:
 * answer codes as headers, a "[recoded]" suffix on reverse-coded values, fixed metadata names.
 */
import type { MetadataField } from '../survey/response-metadata';

/** Appended to a reversed item's header when its values are exported reverse-coded. */
export const RECODED_SUFFIX = ' [recoded]';

/** Metadata columns the importer reads. */
export const IMPORTED_METADATA = { submitted_at: 'submittedAt', channel: 'channel', language: 'language' } as const satisfies Record<string, MetadataField>;

/** Metadata columns the exporter can add, in order; those not in IMPORTED_METADATA are skipped on import. */
export const EXPORTED_METADATA = ['response_id', 'submitted_at', 'channel', 'language', 'version', 'source', 'duration_s'] as const;
export type ExportedMetadata = (typeof EXPORTED_METADATA)[number];

/** Values meaning "not applicable" in an imported cell (any case); exports write the first. */
export const NOT_APPLICABLE = ['N/A', 'NA', '不适用'];

/**
 * A cell of a question the respondent was not shown (its display condition did not hold): the
 * codes export writes NOT_SHOWN, the labels export "(not shown)" or "（未显示）"; the import reads
 * any of these, in either language and any case. An empty cell is a question shown but not answered.
 */
export const NOT_SHOWN_CODE = 'NOT_SHOWN';
export const NOT_SHOWN_LABELS = { en: '(not shown)', 'zh-CN': '（未显示）' } as const;
export const NOT_SHOWN = [NOT_SHOWN_CODE, NOT_SHOWN_LABELS.en, NOT_SHOWN_LABELS['zh-CN'], '(未显示)'];

const marks = new Set(NOT_SHOWN.map((t) => t.toLowerCase()));
const longestMark = Math.max(...NOT_SHOWN.map((t) => t.length));

/** Whether a cell says "not shown" (any case, surrounding spaces ignored). */
export function isNotShownMark(cell: string): boolean {
	const text = cell.trim();
	return text.length <= longestMark && marks.has(text.toLowerCase());
}

/**
 * A free-text answer that reads like a "not shown" mark (after any leading apostrophes) is
 * exported with one more apostrophe, so it imports back as that text (see readFreeText).
 */
export function writeFreeText(text: string): string {
	return isNotShownMark(text.replace(/^'+/, '')) ? `'${text}` : text;
}

/** The inverse of writeFreeText. */
export function readFreeText(text: string): string {
	return text.startsWith("'") && isNotShownMark(text.replace(/^'+/, '')) ? text.slice(1) : text;
}

/** Separators between the options of a multiple-choice answer in one cell; exports write the first. */
export const MULTIPLE_SEPARATOR = ';';
export const MULTIPLE_SEPARATORS = /[;|；]/;
