import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Answers } from '../../survey/definition';

type Db = Kysely<Database>;

/** A response given through a campaign's personal link: whose, in which wave, with what answers. */
export interface WaveResponse {
	contactId: string;
	surveyId: string;
	wave: number;
	campaignName: string;
	submittedAt: number;
	answers: Answers;
}

/**
 * The responses given through the survey's campaigns (responses reach their contact through the
 * invitation token), in submission order; only one contact's when `contactId` is given.
 */
export async function listWaveResponses(db: Db, filter: { surveyId: string } | { contactId: string }): Promise<WaveResponse[]> {
	let query = db
		.selectFrom('campaign_recipients as r')
		.innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
		.innerJoin('responses as s', 's.invitation_id', 'r.invitation_id')
		.select(['r.contact_id', 'c.survey_id', 'c.wave', 'c.name', 's.submitted_at', 's.answers']);
	query = 'surveyId' in filter ? query.where('c.survey_id', '=', filter.surveyId) : query.where('r.contact_id', '=', filter.contactId);
	const rows = await query.orderBy('s.submitted_at').orderBy('s.id').execute();
	return rows.map((row) => ({ contactId: row.contact_id, surveyId: row.survey_id, wave: Number(row.wave), campaignName: row.name, submittedAt: Number(row.submitted_at), answers: JSON.parse(row.answers) as Answers }));
}

/** The survey's waves that have been sent, in order, each with its campaign's name and send time. */
export async function listSentWaves(db: Db, surveyId: string): Promise<{ wave: number; name: string; sentAt: number }[]> {
	const rows = await db.selectFrom('campaigns').select(['wave', 'name', 'sent_at']).where('survey_id', '=', surveyId).where('sent_at', 'is not', null).orderBy('wave').execute();
	return rows.map((r) => ({ wave: Number(r.wave), name: r.name, sentAt: Number(r.sent_at) }));
}
