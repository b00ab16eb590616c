export interface RateLimitsTable {
	/** What is limited, e.g. `submit:client:<survey id>:<client hash>` or `submit:survey:<survey id>`. */
	key: string;
	/** Epoch-ms start of the fixed window. */
	window_start: number;
	hits: number;
}


/** A quota per answer option: at most max_responses stored responses in the group. */
export interface SurveyQuotasTable {
	survey_id: string;
	source_kind: 'item' | 'channel';
	/** The single-choice item's code; '' for the channel. */
	source_code: string;
	/** The item's option code, or the channel code. */
	option_code: string;
	max_responses: number;
	/** Stored responses in the group (web, API and imports). */
	filled: number;
}

export interface CollectionTables {
	rate_limits: RateLimitsTable;
	survey_quotas: SurveyQuotasTable;
}
