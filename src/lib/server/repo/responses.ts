import type { Kysely } from 'kysely';
import type { Database, ResponseSource } from '../db/schema';
import type { Answers, SurveyLanguage } from '../../survey/definition';
import { randomToken } from '../ids';
import { markInvitationUsed } from './invitations';

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
}

/** Why a response was not stored: the survey's state at commit time, or a duplicate. */
export type StoreRefusal = 'notOpen' | 'notYetOpen' | 'closed' | 'full' | 'versionChanged' | 'invitationUsed' | 'duplicate';
export type StoreResult = { ok: true; responseId: string } | { ok: false; reason: StoreRefusal };

class Refused extends Error {
	constructor(readonly reason: StoreRefusal) {
		super(reason);
	}
}

/**
 * Stores one response in one transaction: counts it against the survey only while the survey is
 * open, inside its window, on this version and under its cap (a conditional UPDATE, so concurrent
 * submissions can never overshoot the cap on either engine), marks the invitation used only if it
 * was unused, and inserts the row (the unique respondent key refuses a second one). Any refusal
 * rolls the whole transaction back.
 */
export async function storeResponse(db: Db, response: NewResponse): Promise<StoreResult> {
	try {
		const responseId = await db.transaction().execute(async (trx) => {
			if (!(await countAgainstSurvey(trx, response))) throw new Refused(await whyNotCounted(trx, response));
			if (response.invitationToken && !(await markInvitationUsed(trx, response.surveyId, response.invitationToken, response.submittedAt))) throw new Refused('invitationUsed');
			const id = randomToken();
			const inserted = await trx
				.insertInto('responses')
				.values({
					id,
					survey_id: response.surveyId,
					version_id: response.versionId,
					language: response.language,
					channel_code: response.channelCode,
					invitation_id: response.invitationToken,
					respondent_key: response.respondentKey,
					source: response.source,
					started_at: response.startedAt,
					submitted_at: response.submittedAt,
					duration_ms: response.startedAt === null ? null : response.submittedAt - response.startedAt,
					answers: JSON.stringify(response.answers),
					counted: 0
				})
				.onConflict((oc) => oc.doNothing())
				.returning('id')
				.executeTakeFirst();
			if (!inserted) throw new Refused(response.invitationToken ? 'invitationUsed' : 'duplicate');
			return id;
		});
		return { ok: true, responseId };
	} catch (error) {
		if (error instanceof Refused) return { ok: false, reason: error.reason };
		throw error;
	}
}

async function countAgainstSurvey(trx: Db, r: NewResponse): Promise<boolean> {
	const result = await trx
		.updateTable('surveys')
		.set((eb) => ({ response_count: eb('response_count', '+', 1) }))
		.where('id', '=', r.surveyId)
		.where('status', '=', 'open')
		.where('archived', '=', 0)
		.where('current_version_id', '=', r.versionId)
		.where((eb) =>
			eb.and([
				eb.or([eb('opens_at', 'is', null), eb('opens_at', '<=', r.submittedAt)]),
				eb.or([eb('closes_at', 'is', null), eb('closes_at', '>', r.submittedAt)]),
				eb.or([eb('response_cap', 'is', null), eb('response_count', '<', eb.ref('response_cap'))])
			])
		)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Explains a refused count from the survey row as this transaction sees it. */
async function whyNotCounted(trx: Db, r: NewResponse): Promise<StoreRefusal> {
	const survey = await trx.selectFrom('surveys').selectAll().where('id', '=', r.surveyId).executeTakeFirst();
	if (!survey || survey.status === 'draft') return 'notOpen';
	if (survey.status === 'closed' || survey.archived === 1) return 'closed';
	if (survey.current_version_id !== r.versionId) return 'versionChanged';
	if (survey.opens_at !== null && Number(survey.opens_at) > r.submittedAt) return 'notYetOpen';
	if (survey.closes_at !== null && Number(survey.closes_at) <= r.submittedAt) return 'closed';
	return 'full';
}

/** Whether a response with this respondent key exists for the survey (cookie duplicate mode). */
export async function respondentHasResponded(db: Db, surveyId: string, respondentKey: string): Promise<boolean> {
	const row = await db.selectFrom('responses').select('id').where('survey_id', '=', surveyId).where('respondent_key', '=', respondentKey).executeTakeFirst();
	return row !== undefined;
}
