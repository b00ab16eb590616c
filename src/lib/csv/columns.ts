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

/** Separators between the options of a multiple-choice answer in one cell; exports write the first. */
export const MULTIPLE_SEPARATOR = ';';
export const MULTIPLE_SEPARATORS = /[;|；]/;
