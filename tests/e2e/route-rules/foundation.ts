import { admins, everyone, gone, signedIn, toLogin, type RouteRules } from './rules';

export const rules: Record<string, RouteRules> = {
	'/': { page: signedIn, actions: { loadDemo: admins } },
	// Logging out ends on the login page whoever asks; what it deletes is tested in integration.
	'/account': { page: signedIn, actions: { changePassword: signedIn, logout: toLogin, logoutAll: toLogin } },
	'/admin/users': { page: admins, actions: { create: admins, role: admins, deactivate: admins, reactivate: admins, reset: admins } },
	'/admin/audit': { page: admins },
	'/login': { page: { ...signedIn, anonymous: 'allow' }, actions: { default: everyone } },
	'/setup': { page: gone, actions: { default: gone } },
	'/reset/[token]': { path: '/reset/no-such-token', page: gone, actions: { default: gone } },
	'/lang': { endpoints: { POST: everyone } },
	'/api/health': { endpoints: { GET: everyone } }
};
