import { everyone, researchers, type RouteRules } from './rules';

// Researcher pages need the researcher role and ownership of the system (fixtures: the researcher
// owns both systems); expert pages are reached by personal link, no account.
const round = '/systems/fixture-ahp-system/ahp/{ahpRoundId}';

export const rules: Record<string, RouteRules> = {
	'/systems/[id]/ahp': { path: '/systems/{systemId}/ahp', page: researchers },
	'/systems/[id]/ahp/new': { path: '/systems/{systemId}/ahp/new', page: researchers, actions: { default: researchers } },
	'/systems/[id]/ahp/[roundId]': { path: round, page: researchers, actions: { invite: researchers, close: researchers, reopen: researchers } },
	'/systems/[id]/ahp/[roundId]/results': {
		path: `${round}/results`,
		page: researchers,
		actions: { exclude: researchers, include: researchers, excludeAbove: researchers, apply: researchers }
	},
	'/systems/[id]/ahp/[roundId]/judgments.csv': { path: `${round}/judgments.csv`, endpoints: { GET: researchers } },
	'/systems/[id]/ahp/[roundId]/results.csv': { path: `${round}/results.csv`, endpoints: { GET: researchers } },
	'/ahp/[token]': { path: '/ahp/{ahpToken}', page: everyone, actions: { submit: everyone } },
	'/ahp/[token]/[page]': { path: '/ahp/{ahpToken}/1', page: everyone, actions: { default: everyone } }
};

