import { signedIn, type RouteRules } from './rules';

export const rules: Record<string, RouteRules> = {
	'/surveys/[id]/answers': { path: '/surveys/{surveyId}/answers', page: signedIn }
};
