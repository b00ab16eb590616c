import type { Kysely } from 'kysely';
import type { Database, ResponsesTable, ResponseSource } from '../db/schema';
import type { Answers, SurveyLanguage } from '../../survey/definition';
import { timeOrderedId } from '../ids';
import type { QuotaKey } from '../../survey/quotas';
import { markInvitationUsed, unmarkInvitation } from './invitations';
import { preparedQuery } from './prepared';
import { countInQuotas, uncountQuotas } from './quotas';

type Db = Kysely<Database>;

export interface NewResponse {
	surveyId: string;
	/** The version the answers were validated against; must still be the survey's current one. */
	versionId: string;
	language: SurveyLanguage;
	channelCode: string | null;
	/** The invitation token used, if any: marked used in the same transaction. */
	invitationToken: string | null;
	/** Keyed hash of the respondent cookie in cookie duplicate mode. */
	respondentKey: string | null;
	source: ResponseSource;
	startedAt: number | null;
	submittedAt: number;
	answers: Answers;
	/** The survey's updatedAt when the caller read it: the survey must not have been edited since. */
	surveyStamp: number;
	/** The quota groups the response falls in (see quotasMatched); each must have room. */
	quotas?: readonly QuotaKey[];
}

/**
 * Why a response was not stored: the survey's state at commit time, or a duplicate. `surveyChanged`:
 * the survey was edited after the caller read it (see NewResponse.surveyStamp); read it again.
 * `quotaFull`: one of the response's quota groups has all the responses it may take.
 */
export type StoreRefusal = 'notOpen' | 'notYetOpen' | 'closed' | 'full' | 'quotaFull' | 'versionChanged' | 'surveyChanged' | 'invitationUsed' | 'duplicate';
export type StoreResult = { ok: true; responseId: string } | { ok: false; reason: StoreRefusal };

const countAgainstSurvey = preparedQuery(['surveyId', 'versionId', 'surveyStamp', 'at'], (db, { surveyId, versionId, surveyStamp, at }: { surveyId: string; versionId: string; surveyStamp: number; at: number }) =>
	db
		.updateTable('surveys')
		.set((eb) => ({ response_count: eb('response_count', '+', 1) }))
		.where('id', '=', surveyId)
		.where('status', '=', 'open')
		.where('archived', '=', 0)
		.where('current_version_id', '=', versionId)
		.where('updated_at', '=', surveyStamp)
		.where((eb) =>
			eb.and([
				eb.or([eb('opens_at', 'is', null), eb('opens_at', '<=', at)]),
				eb.or([eb('closes_at', 'is', null), eb('closes_at', '>', at)]),
				eb.or([eb('response_cap', 'is', null), eb('response_count', '<', eb.ref('response_cap'))])
			])
		)
);

const uncount = preparedQuery(['surveyId'], (db, { surveyId }: { surveyId: string }) =>
	db
		.updateTable('surveys')
		.set((eb) => ({ response_count: eb('response_count', '-', 1) }))
		.where('id', '=', surveyId)
);

type ResponseRow = Omit<ResponsesTable, 'counted' | 'contact_values'>;
const responseColumns = ['id', 'survey_id', 'version_id', 'language', 'channel_code', 'invitation_id', 'respondent_key', 'source', 'started_at', 'submitted_at', 'duration_ms', 'answers'] as const satisfies readonly (keyof ResponseRow)[];

const insertResponse = preparedQuery(responseColumns, (db, row: ResponseRow) =>
	db
		.insertInto('responses')
		.values({ ...row, counted: 0 })
		.onConflict((oc) => oc.doNothing())
		.returning('id')
);

/**
 * Stores one response inside the caller's transaction (several share one in the response writer):
 * counts it against the survey only while the survey is open, inside its window, on this version,
 * unchanged since the caller read it and under its cap (a conditional UPDATE, so concurrent
 * submissions can never overshoot the cap on either engine), then in each of its quota groups while
 * they have room (the same kind of UPDATE), marks the invitation used only if it was unused, and
 * inserts the row (the unique respondent key refuses a second one). A refusal undoes this
 * response's own changes and leaves the rest of the transaction alone.
 * `compileOn` is the root database the prepared statements are compiled for.
 */
export async function storeInTransaction(compileOn: Db, trx: Db, response: NewResponse): Promise<StoreResult> {
	const { surveyId, submittedAt: at, invitationToken: token, quotas = [] } = response;
	const counted = await countAgainstSurvey(compileOn, trx, { surveyId, versionId: response.versionId, surveyStamp: response.surveyStamp, at });
	if (Number(counted.numAffectedRows) !== 1) return { ok: false, reason: await whyNotCounted(trx, response) };
	const uncountAll = async () => {
		await uncount(compileOn, trx, { surveyId });
		if (quotas.length > 0) await uncountQuotas(compileOn, trx, surveyId, quotas);
	};
	if (quotas.length > 0 && !(await countInQuotas(compileOn, trx, surveyId, quotas))) {
		await uncount(compileOn, trx, { surveyId });
		return { ok: false, reason: 'quotaFull' };
	}
	if (token && !(await markInvitationUsed(trx, surveyId, token, at))) {
		await uncountAll();
		return { ok: false, reason: 'invitationUsed' };
	}
	const id = timeOrderedId(at);
	const inserted = await insertResponse(compileOn, trx, {
		id,
		survey_id: surveyId,
		version_id: response.versionId,
		language: response.language,
		channel_code: response.channelCode,
		invitation_id: token,
		respondent_key: response.respondentKey,
		source: response.source,
		started_at: response.startedAt,
		submitted_at: at,
		duration_ms: response.startedAt === null ? null : at - response.startedAt,
		answers: JSON.stringify(response.answers)
	});
	if (inserted.rows.length === 0) {
		await uncountAll();
		if (token) await unmarkInvitation(trx, surveyId, token);
		return { ok: false, reason: token ? 'invitationUsed' : 'duplicate' };
	}
	if (token) await snapshotContactValues(compileOn, trx, { id, token });
	return { ok: true, responseId: id };
}

/**
 * Copies the attributes of the invitation's contact onto the response (reports segment by the value
 * at response time): the campaign recipient's contact, else the contact with the invitation's
 * external id. The migration that added the column applies the same rule to earlier responses.
 */
const snapshotContactValues = preparedQuery(['id', 'token'], (db, { id, token }: { id: string; token: string }) =>
	db
		.updateTable('responses')
		.set((eb) => ({
			contact_values: eb.fn.coalesce(
				eb.selectFrom('campaign_recipients as r').innerJoin('contacts as c', 'c.id', 'r.contact_id').select('c.attributes').where('r.invitation_id', '=', token),
				eb.selectFrom('invitations as i').innerJoin('contacts as c', 'c.external_id', 'i.external_id').select('c.attributes').where('i.id', '=', token)
			)
		}))
		.where('id', '=', id)
);

/** Explains a refused count from the survey row as this transaction sees it. */
async function whyNotCounted(trx: Db, r: NewResponse): Promise<StoreRefusal> {
	const survey = await trx.selectFrom('surveys').selectAll().where('id', '=', r.surveyId).executeTakeFirst();
	if (!survey || survey.status === 'draft') return 'notOpen';
	if (survey.status === 'closed' || survey.archived === 1) return 'closed';
	if (survey.current_version_id !== r.versionId) return 'versionChanged';
	if (survey.opens_at !== null && Number(survey.opens_at) > r.submittedAt) return 'notYetOpen';
	if (survey.closes_at !== null && Number(survey.closes_at) <= r.submittedAt) return 'closed';
	if (survey.response_cap !== null && Number(survey.response_count) >= Number(survey.response_cap)) return 'full';
	return 'surveyChanged';
}

/** Whether a response with this respondent key exists for the survey (cookie duplicate mode). */
export async function respondentHasResponded(db: Db, surveyId: string, respondentKey: string): Promise<boolean> {
	const row = await db.selectFrom('responses').select('id').where('survey_id', '=', surveyId).where('respondent_key', '=', respondentKey).executeTakeFirst();
	return row !== undefined;
}
