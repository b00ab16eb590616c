// What every /api/v1 route starts with: the app database, the caller from the bearer token (with the
// configured rate limit) and, for survey routes, the survey at the access the operation needs.
import { env } from '$env/dynamic/private';
import { appDb } from '../db';
import { apiLimitFromEnv, apiSurvey, authenticateApi, type ApiCaller } from '../auth/api-tokens';
import type { SurveyAccess } from '../repo/surveys';

/** The caller of this request (401/403/429 as ApiError). */
export function apiCaller(request: Request, need: 'read' | 'read-write'): Promise<ApiCaller> {
	return authenticateApi(appDb(), request, need, apiLimitFromEnv(env));
}

/** The caller and the survey of a /surveys/{id}/… route, checked for `access`. */
export async function apiSurveyRequest(request: Request, surveyId: string, need: 'read' | 'read-write', access: SurveyAccess) {
	const caller = await apiCaller(request, need);
	return { caller, survey: await apiSurvey(appDb(), caller, surveyId, access) };
}
