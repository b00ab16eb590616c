import { researchers, signedIn, type RouteRules } from './rules';

// The fixture survey is owned by the researcher and shared read-only with the viewer: viewers may
// read its overview but not design it; the admin may do everything.
export const rules: Record<string, RouteRules> = {
	'/surveys': { page: signedIn },
	'/surveys/new': { page: researchers, actions: { default: researchers } },
	'/surveys/[id]': { path: '/surveys/{surveyId}', page: signedIn },
	'/surveys/[id]/design': { path: '/surveys/{surveyId}/design', page: researchers, actions: { save: researchers, publish: researchers } },
	'/surveys/[id]/design/competitors': { path: '/surveys/{surveyId}/design/competitors', page: researchers, actions: { save: researchers } },
	'/surveys/[id]/preview': { path: '/surveys/{surveyId}/preview', page: researchers },
	'/surveys/[id]/preview/frame': { path: '/surveys/{surveyId}/preview/frame', page: researchers },
	'/surveys/[id]/settings': { path: '/surveys/{surveyId}/settings', page: researchers, actions: { save: researchers, status: researchers, quotas: researchers } },
	'/surveys/[id]/share': { path: '/surveys/{surveyId}/share', page: researchers, actions: { add: researchers, remove: researchers, openAnswers: researchers } },
	'/systems': { page: researchers, actions: { create: researchers } },
	'/systems/[id]': {
		path: '/systems/{systemId}',
		page: researchers,
		actions: { rename: researchers, duplicate: researchers, archive: researchers, addNode: researchers, updateNode: researchers, moveNode: researchers, deleteNode: researchers, addPath: researchers, removePath: researchers, points: researchers }
	}
};
