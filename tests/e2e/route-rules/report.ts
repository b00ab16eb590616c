import { researchers, signedIn, type RouteRules } from './rules';

export const rules: Record<string, RouteRules> = {
	'/surveys/[id]/report': { path: '/surveys/{surveyId}/report', page: signedIn, actions: { weightMethod: researchers } },
	'/surveys/[id]/report/report.csv': { path: '/surveys/{surveyId}/report/report.csv', endpoints: { GET: signedIn } },
	'/surveys/[id]/report/report.json': { path: '/surveys/{surveyId}/report/report.json', endpoints: { GET: signedIn } }
};
