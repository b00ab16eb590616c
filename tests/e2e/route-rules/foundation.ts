import { admins, everyone, gone, signedIn, toLogin, type RouteRules } from './rules';

export const rules: Record<string, RouteRules> = {
	'/': { page: signedIn, actions: { loadDemo: admins } },
	// Logging out ends on the login page whoever asks; what it deletes is tested in integration.
	'/account': { page: signedIn, actions: { changePassword: signedIn, logout: toLogin, logoutAll: toLogin } },
	'/admin/users': { page: admins, actions: { create: admins, role: admins, deactivate: admins, reactivate: admins, reset: admins } },
	'/admin/audit': { page: admins },
	'/admin/mail': { page: admins, actions: { test: admins, retry: admins } },
	// A token this installation did not sign: nobody gets past it, signed in or not.
	'/unsubscribe/[token]': { path: '/unsubscribe/bm90LXNpZ25lZA.AAAAAAAAAAAAAAAAAAAAAA', page: gone, actions: { default: gone } },
	'/login': { page: { ...signedIn, anonymous: 'allow' }, actions: { default: everyone } },
	'/setup': { page: gone, actions: { default: gone } },
	'/reset/[token]': { path: '/reset/no-such-token', page: gone, actions: { default: gone } },
	'/lang': { endpoints: { POST: everyone } },
	'/api/health': { endpoints: { GET: everyone } }
};
