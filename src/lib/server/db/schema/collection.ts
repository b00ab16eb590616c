export interface RateLimitsTable {
	/** What is limited, e.g. `submit:client:<survey id>:<client hash>` or `submit:survey:<survey id>`. */
	key: string;
	/** Epoch-ms start of the fixed window. */
	window_start: number;
	hits: number;
}

export interface CollectionTables {
	rate_limits: RateLimitsTable;
}
