export type ModelRole = 'image' | 'expectation' | 'quality' | 'value' | 'satisfaction' | 'complaints' | 'loyalty' | 'custom';

export interface IndicatorSystemsTable {
	id: string;
	owner_id: string;
	name_zh: string;
	name_en: string;
	description: string;
	/** The built-in template it was made from (servqual, ecsi, ccsi), if any. */
	template: string | null;
	archived: number;
	created_at: number;
	updated_at: number;
}

export interface IndicatorNodesTable {
	id: string;
	system_id: string;
	/** null for level-1 nodes (dimensions); the system itself is the root. */
	parent_id: string | null;
	code: string;
	name_zh: string;
	name_en: string;
	description: string;
	/** Order among siblings, 0-based. */
	position: number;
	model_role: ModelRole | null;
	/** JSON object: weight of this node among its siblings per method, e.g. {"direct":0.2,"ahp":0.31}. */
	weights: string;
}

export interface ModelPathsTable {
	system_id: string;
	from_node_id: string;
	to_node_id: string;
}

export type SurveyStatus = 'draft' | 'open' | 'closed';
export type AccessMode = 'public' | 'invitation';

export interface SurveysTable {
	id: string;
	owner_id: string;
	system_id: string | null;
	/** The public link code: /s/{code}. */
	code: string;
	title: string;
	status: SurveyStatus;
	/** JSON SurveySettings (src/lib/survey/definition.ts): languages, texts, time zone, … */
	settings: string;
	/** JSON SurveyDefinition being edited; published as a version when it differs structurally. */
	draft: string;
	/** The version new responses are recorded against (null until first opened). */
	current_version_id: string | null;
	/** Responses stored so far; compared with the cap inside the storing transaction. */
	response_count: number;
	response_cap: number | null;
	opens_at: number | null;
	closes_at: number | null;
	access_mode: AccessMode;
	archived: number;
	created_at: number;
	updated_at: number;
}

export interface SurveyVersionsTable {
	id: string;
	survey_id: string;
	number: number;
	/** JSON SurveyDefinition, frozen once a response refers to it. */
	definition: string;
	created_at: number;
}

export type ShareAccess = 'edit' | 'view';

export interface SurveySharesTable {
	survey_id: string;
	user_id: string;
	access: ShareAccess;
	created_at: number;
}

export interface ChannelsTable {
	id: string;
	survey_id: string;
	/** The `?ch=` value. */
	code: string;
	name_zh: string;
	name_en: string;
	created_at: number;
}

export interface InvitationsTable {
	/** The single-use token itself: a capability for one response (not a credential), kept so links can be exported again. */
	id: string;
	survey_id: string;
	batch: string;
	external_id: string | null;
	channel_code: string | null;
	used_at: number | null;
	/** The first page step through the invitation (the questionnaire started); null before. */
	started_at: number | null;
	created_at: number;
}

export type ResponseSource = 'web' | 'import' | 'api';

export interface ResponsesTable {
	id: string;
	survey_id: string;
	version_id: string;
	language: string;
	channel_code: string | null;
	/** Unique: a token is used once, race-safe. */
	invitation_id: string | null;
	/** Keyed hash of the first-party cookie in cookie duplicate mode; unique per survey. */
	respondent_key: string | null;
	source: ResponseSource;
	started_at: number | null;
	submitted_at: number;
	duration_ms: number | null;
	/** JSON Answers (src/lib/survey/definition.ts), keyed by item code. */
	answers: string;
	/** 1 once folded into the analysis store. */
	counted: number;
	/** JSON object: the contact's attributes when the response was given through their invitation; null otherwise. */
	contact_values: string | null;
}

export interface SurveyTables {
	indicator_systems: IndicatorSystemsTable;
	indicator_nodes: IndicatorNodesTable;
	model_paths: ModelPathsTable;
	surveys: SurveysTable;
	survey_versions: SurveyVersionsTable;
	survey_shares: SurveySharesTable;
	channels: ChannelsTable;
	invitations: InvitationsTable;
	responses: ResponsesTable;
}
