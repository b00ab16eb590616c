export type NavRole = 'admin' | 'researcher' | 'viewer';

export interface NavLink {
	href: string;
	/** Message key. */
	label: string;
	roles: NavRole[];
}

const links: NavLink[] = [
	{ href: '/', label: 'nav.home', roles: ['admin', 'researcher', 'viewer'] },
	{ href: '/admin/users', label: 'nav.users', roles: ['admin'] },
	{ href: '/admin/audit', label: 'nav.audit', roles: ['admin'] },
	{ href: '/account', label: 'nav.account', roles: ['admin', 'researcher', 'viewer'] }
];

/** The main navigation a role sees (pages still check the role themselves). */
export function navigationFor(role: NavRole): NavLink[] {
	return links.filter((link) => link.roles.includes(role));
}
