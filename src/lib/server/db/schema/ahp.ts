export type AhpRoundStatus = 'open' | 'closed' | 'applied';

export interface AhpRoundsTable {
	id: string;
	system_id: string;
	owner_id: string;
	title: string;
	/** JSON array of indicator_nodes ids whose children are compared; "root" stands for the system's level-1 nodes. */
	node_ids: string;
	/** Epoch-ms after which experts can no longer answer; null = no deadline. */
	deadline: number | null;
	status: AhpRoundStatus;
	created_at: number;
}

export interface AhpExpertsTable {
	/** The personal link token itself: a capability for answering this round (not a credential), kept so links can be copied again. */
	id: string;
	round_id: string;
	label: string;
	email: string | null;
	created_at: number;
	/** Set once the expert submits; their judgments are then final. */
	submitted_at: number | null;
	/** 1 when the researcher leaves this expert out of the group result. */
	excluded: number;
}

export interface AhpJudgmentsTable {
	expert_id: string;
	/** An indicator_nodes id, or "root". */
	node_id: string;
	row_code: string;
	col_code: string;
	/** Row is `value` times as important as col (> 0; 1/9 … 9 from the form). */
	value: number;
	updated_at: number;
}

export interface AhpTables {
	ahp_rounds: AhpRoundsTable;
	ahp_experts: AhpExpertsTable;
	ahp_judgments: AhpJudgmentsTable;
}
