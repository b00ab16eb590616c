import { everyone, researchers, type Rule, type RouteRules } from './rules';

// The respondent pages are public; distributing a survey needs edit access to it (the viewer's
// read-only share gives 403, a signed-out visitor goes to the login page).
const missingCampaign: Rule = { anonymous: 'login', viewer: 'forbidden', researcher: 'notFound', admin: 'notFound' };

export const rules: Record<string, RouteRules> = {
	'/s/[code]': { path: '/s/{surveyCode}', page: everyone, actions: { step: everyone } },
	'/s/[code]/thanks': { path: '/s/{surveyCode}/thanks', page: everyone },
	'/s/[code]/qr.svg': { path: '/s/{surveyCode}/qr.svg?ch=branch-1', endpoints: { GET: everyone } },
	'/surveys/[id]/distribute': {
		path: '/surveys/{surveyId}/distribute',
		page: researchers,
		actions: { addChannel: researchers, removeChannel: researchers, createInvitations: researchers }
	},
	'/surveys/[id]/distribute/invitations.csv': { path: '/surveys/{surveyId}/distribute/invitations.csv', endpoints: { GET: researchers } },
	'/surveys/[id]/campaigns': { path: '/surveys/{surveyId}/campaigns', page: researchers, actions: { count: researchers, create: researchers } },
	// A campaign that does not exist: the role and survey checks answer first, then 404.
	'/surveys/[id]/campaigns/[campaignId]': { path: '/surveys/{surveyId}/campaigns/no-such-campaign', page: missingCampaign, actions: { test: missingCampaign, send: missingCampaign, newWave: missingCampaign } },
	'/surveys/[id]/campaigns/[campaignId]/recipients.csv': { path: '/surveys/{surveyId}/campaigns/no-such-campaign/recipients.csv', endpoints: { GET: missingCampaign } }
};
