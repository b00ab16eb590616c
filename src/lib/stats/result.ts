/**
 * Outcomes of the measurement engine. The engine never throws into the UI and never returns
 * NaN silently: a computation either succeeds (possibly with warnings) or fails with an issue
 * whose `code` is a message key in `messages/{en,zh-CN}/stats.json` (e.g. `stats.singularMatrix`)
 * and whose `params` fill that message's `{placeholders}`.
 */
export interface StatsIssue {
	code: `stats.${string}`;
	params?: Record<string, string | number>;
}

export type StatsResult<T> =
	| { ok: true; value: T; warnings: StatsIssue[] }
	| { ok: false; error: StatsIssue; warnings: StatsIssue[] };

/** A success, with any warnings the computation raised. */
export function ok<T>(value: T, warnings: StatsIssue[] = []): StatsResult<T> {
	return { ok: true, value, warnings };
}

/** A failure a researcher can act on. */
export function fail<T = never>(
	code: StatsIssue['code'],
	params?: StatsIssue['params'],
	warnings: StatsIssue[] = []
): StatsResult<T> {
	return { ok: false, error: { code, params }, warnings };
}

/**
 * Thrown only inside the engine to unwind deep numerical code (e.g. a singular pivot in the
 * middle of a PLS iteration); every exported entry point catches it and returns `fail(...)`.
 */
export class StatsFailure extends Error {
	constructor(readonly issue: StatsIssue) {
		super(issue.code);
	}
}

/** Runs `compute`, turning a StatsFailure into a failed result (other errors are bugs and propagate). */
export function guard<T>(compute: () => StatsResult<T>): StatsResult<T> {
	try {
		return compute();
	} catch (e) {
		if (e instanceof StatsFailure) return { ok: false, error: e.issue, warnings: [] };
		throw e;
	}
}
