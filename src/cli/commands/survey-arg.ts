import type { Kysely } from 'kysely';
import type { Database } from '../../lib/server/db/schema';
import { findSurveyByCode, findSurveyById, type Survey } from '../../lib/server/repo/surveys';

/** The survey a command-line argument names, by id or by public code; throws a one-line reason otherwise. */
export async function surveyArgument(db: Kysely<Database>, key: string | undefined, command: string): Promise<Survey> {
	if (!key) throw new Error(`${command} needs a survey id or code.`);
	const survey = (await findSurveyById(db, key)) ?? (await findSurveyByCode(db, key));
	if (!survey) throw new Error(`No survey with id or code "${key}".`);
	return survey;
}
