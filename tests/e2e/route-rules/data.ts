import { everyone, researchers, signedIn, type Rule, type RouteRules } from './rules';

// The API authenticates by bearer token only: a session cookie gets 401 like no credentials at all
// (what each token may do is tested in tests/e2e/data-api.test.ts and the integration suite).
const tokenOnly: Rule = { anonymous: 'unauthorized', viewer: 'unauthorized', researcher: 'unauthorized', admin: 'unauthorized' };
// A run that does not exist: the survey guard answers first, then 404.
const missingRun: Rule = { anonymous: 'login', viewer: 'forbidden', researcher: 'notFound', admin: 'notFound' };

export const rules: Record<string, RouteRules> = {
	'/api/v1/surveys': { endpoints: { GET: tokenOnly } },
	'/api/v1/surveys/[id]': { path: '/api/v1/surveys/{surveyId}', endpoints: { GET: tokenOnly } },
	'/api/v1/surveys/[id]/responses': { path: '/api/v1/surveys/{surveyId}/responses', endpoints: { GET: tokenOnly, POST: tokenOnly } },
	'/api/v1/surveys/[id]/responses.csv': { path: '/api/v1/surveys/{surveyId}/responses.csv', endpoints: { GET: tokenOnly } },
	'/api/v1/surveys/[id]/responses.sps': { path: '/api/v1/surveys/{surveyId}/responses.sps', endpoints: { GET: tokenOnly } },
	'/api/v1/surveys/[id]/responses.R': { path: '/api/v1/surveys/{surveyId}/responses.R', endpoints: { GET: tokenOnly } },
	'/api/v1/surveys/[id]/import': { path: '/api/v1/surveys/{surveyId}/import', endpoints: { POST: tokenOnly } },
	'/api/v1/surveys/[id]/report': { path: '/api/v1/surveys/{surveyId}/report', endpoints: { GET: tokenOnly } },
	'/api/v1/openapi.json': { endpoints: { GET: everyone } },
	'/account/tokens': { page: signedIn, actions: { create: signedIn, revoke: signedIn } },
	'/surveys/[id]/data': { path: '/surveys/{surveyId}/data', page: researchers, actions: { mapping: researchers, import: researchers } },
	'/surveys/[id]/data/import': { path: '/surveys/{surveyId}/data/import', endpoints: { POST: researchers } },
	'/surveys/[id]/data/export': { path: '/surveys/{surveyId}/data/export', endpoints: { GET: researchers } },
	'/surveys/[id]/data/runs/[runId]': { path: '/surveys/{surveyId}/data/runs/no-such-run', page: missingRun },
	'/surveys/[id]/data/runs/[runId]/report.csv': { path: '/surveys/{surveyId}/data/runs/no-such-run/report.csv', endpoints: { GET: missingRun } }
};
