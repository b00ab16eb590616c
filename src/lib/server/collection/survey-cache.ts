// The survey a respondent posts to, kept in memory by link code for the submission path, where
// reading and mapping it cost more than storing the response. Never trusted on its own: the
// storing transaction refuses a response when the survey was edited after this read (see
// NewResponse.surveyStamp), and the route judges any refused post again on a fresh read.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { quotaKeysOf } from '../repo/quotas';
import { findRespondentSurvey, type RespondentSurvey, type SurveyVersion } from '../repo/surveys';
import type { QuotaKey } from '../../survey/quotas';

type Db = Kysely<Database>;
export interface SubmitTarget {
	survey: RespondentSurvey;
	version: SurveyVersion | undefined;
	/** Its quota groups, read after the survey (so a quota change since moves the survey's stamp past this read). */
	quotas: QuotaKey[];
	/** Whether this came from memory (and may be stale) rather than a read just now. */
	cached: boolean;
}

const KEPT = 500;
const byDatabase = new WeakMap<Db, Map<string, Omit<SubmitTarget, 'cached'>>>();

/** The survey with this link code, its current version and quota groups: from memory unless `fresh`, then read and kept. */
export async function submitTarget(db: Db, code: string, { fresh = false } = {}): Promise<SubmitTarget | undefined> {
	let kept = byDatabase.get(db);
	if (!kept) byDatabase.set(db, (kept = new Map()));
	const hit = fresh ? undefined : kept.get(code);
	if (hit) return { ...hit, cached: true };
	const found = await findRespondentSurvey(db, code);
	kept.delete(code);
	if (!found) return undefined;
	const target = { ...found, quotas: await quotaKeysOf(db, found.survey.id) };
	if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
	kept.set(code, target);
	return { ...target, cached: false };
}
