export type NavRole = 'admin' | 'researcher' | 'viewer';

export interface NavLink {
	href: string;
	/** Message key. */
	label: string;
	roles: NavRole[];
}

const links: NavLink[] = [
	{ href: '/', label: 'nav.home', roles: ['admin', 'researcher', 'viewer'] },
	{ href: '/surveys', label: 'nav.surveys', roles: ['admin', 'researcher', 'viewer'] },
	{ href: '/systems', label: 'nav.systems', roles: ['admin', 'researcher'] },
	{ href: '/contacts', label: 'nav.contacts', roles: ['admin', 'researcher'] },
	{ href: '/admin/users', label: 'nav.users', roles: ['admin'] },
	{ href: '/admin/audit', label: 'nav.audit', roles: ['admin'] },
	{ href: '/admin/mail', label: 'nav.mail', roles: ['admin'] },
	{ href: '/account', label: 'nav.account', roles: ['admin', 'researcher', 'viewer'] }
];

/** The main navigation a role sees (pages still check the role themselves). */
export function navigationFor(role: NavRole): NavLink[] {
	return links.filter((link) => link.roles.includes(role));
}

export type SurveyTabAccess = 'view' | 'edit' | 'owner';

export interface SurveyTab {
	/** Path below /surveys/{id}/ ('' is the overview). */
	path: string;
	/** Message key. */
	label: string;
	/** The least survey access that may open the tab (pages still check it themselves). */
	access: SurveyTabAccess;
}

/** The tabs of a survey's pages, in order: each area adds its own line. */
export const surveyTabs: SurveyTab[] = [
	{ path: '', label: 'surveys.tab.overview', access: 'view' },
	{ path: 'design', label: 'surveys.tab.design', access: 'edit' },
	{ path: 'preview', label: 'surveys.tab.preview', access: 'edit' },
	{ path: 'report', label: 'report.tab', access: 'view' },
	{ path: 'answers', label: 'answers.tab', access: 'view' },
	{ path: 'settings', label: 'surveys.tab.settings', access: 'edit' },
	{ path: 'data', label: 'data.tab', access: 'edit' },
	{ path: 'distribute', label: 'distribute.tab', access: 'edit' },
	{ path: 'campaigns', label: 'campaigns.tab', access: 'edit' },
	{ path: 'share', label: 'surveys.tab.share', access: 'owner' }
];

const tabRank: Record<SurveyTabAccess, number> = { view: 1, edit: 2, owner: 3 };

/** The survey tabs a user with this access sees. */
export function surveyTabsFor(access: SurveyTabAccess): SurveyTab[] {
	return surveyTabs.filter((tab) => tabRank[access] >= tabRank[tab.access]);
}
