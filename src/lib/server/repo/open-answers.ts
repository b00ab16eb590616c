// Whether a survey's open answers are shared with the people who may only view it.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

/** True when view-only users may read the survey's open answers (false by default). */
export async function findOpenAnswerSharing(db: Db, surveyId: string): Promise<boolean> {
	const row = await db.selectFrom('open_answer_sharing').select('shared').where('survey_id', '=', surveyId).executeTakeFirst();
	return Number(row?.shared ?? 0) === 1;
}

export async function saveOpenAnswerSharing(db: Db, surveyId: string, shared: boolean, userId: string | null, now: number): Promise<void> {
	const values = { shared: shared ? 1 : 0, updated_by: userId, updated_at: now };
	await db
		.insertInto('open_answer_sharing')
		.values({ survey_id: surveyId, ...values })
		.onConflict((oc) => oc.column('survey_id').doUpdateSet(values))
		.execute();
}
