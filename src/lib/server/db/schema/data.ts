export type TokenScope = 'read' | 'read-write';

export interface ApiTokensTable {
	id: string;
	user_id: string;
	name: string;
	/** SHA-256 (hex) of the secret; the secret itself is shown once and never stored. */
	token_hash: string;
	scope: TokenScope;
	created_at: number;
	last_used_at: number | null;
	revoked_at: number | null;
}

export interface ImportMappingsTable {
	survey_id: string;
	/** A column header as it appears in imported files (trimmed). */
	header: string;
	/** The answer code it feeds, or '' to ignore the column. */
	target: string;
	updated_at: number;
}

export type ImportVia = 'web' | 'api' | 'cli';
export type ImportStatus = 'running' | 'done' | 'failed' | 'mapping';

export interface ImportRunsTable {
	id: string;
	survey_id: string;
	user_id: string | null;
	via: ImportVia;
	file_name: string;
	status: ImportStatus;
	/** Data rows read (all of them when done). */
	rows: number;
	error_count: number;
	/** JSON CellError[] (src/lib/csv/issues.ts): the first errors, for the report. */
	errors: string;
	created_at: number;
	finished_at: number | null;
}

export interface ImportStagingTable {
	run_id: string;
	/** Order within the file, 0-based. */
	seq: number;
	/** The response id it will get. */
	id: string;
	language: string;
	channel_code: string | null;
	submitted_at: number;
	/** JSON Answers. */
	answers: string;
}

export interface DataTables {
	api_tokens: ApiTokensTable;
	import_mappings: ImportMappingsTable;
	import_runs: ImportRunsTable;
	import_staging: ImportStagingTable;
}
