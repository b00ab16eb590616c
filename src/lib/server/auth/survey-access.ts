import { error } from '@sveltejs/kit';
import { appDb } from '../db';
import { accessAtLeast, findSurveyById, surveyAccess, type Survey, type SurveyAccess } from '../repo/surveys';
import type { User } from '../repo/users';
import { requireRole } from './guards';

/**
 * First line of every survey page, action and API handler: the role (viewers may only read) and
 * the user's access to this survey. A survey the user cannot see answers 404, so its existence
 * does not leak; one they can see but not change answers 403.
 */
export async function requireSurvey(
	locals: App.Locals,
	surveyId: string,
	wanted: SurveyAccess,
	url?: URL
): Promise<{ user: User; survey: Survey; access: SurveyAccess }> {
	const user = requireRole(locals, wanted === 'view' ? 'viewer' : 'researcher', url);
	const access = await surveyAccess(appDb(), user, surveyId);
	if (!access) error(404, { message: 'errors.notFound' });
	if (!accessAtLeast(access, wanted)) error(403, { message: 'errors.forbidden' });
	const survey = await findSurveyById(appDb(), surveyId);
	if (!survey) error(404, { message: 'errors.notFound' });
	return { user, survey, access };
}
