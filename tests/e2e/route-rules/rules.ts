import type { Role } from '../../../src/lib/server/db/schema';

export type Visitor = 'anonymous' | Role;
/** allow: the role check passed (any answer but 401/403/404/login); login: sent to the login page; unauthorized: 401 (API without a token). */
export type Outcome = 'allow' | 'login' | 'forbidden' | 'notFound' | 'unauthorized';
export type Rule = Record<Visitor, Outcome>;

export const visitors: Visitor[] = ['anonymous', 'viewer', 'researcher', 'admin'];
export const everyone: Rule = { anonymous: 'allow', viewer: 'allow', researcher: 'allow', admin: 'allow' };
export const signedIn: Rule = { anonymous: 'login', viewer: 'allow', researcher: 'allow', admin: 'allow' };
export const researchers: Rule = { anonymous: 'login', viewer: 'forbidden', researcher: 'allow', admin: 'allow' };
export const admins: Rule = { anonymous: 'login', viewer: 'forbidden', researcher: 'forbidden', admin: 'allow' };
export const toLogin: Rule = { anonymous: 'login', viewer: 'login', researcher: 'login', admin: 'login' };
export const gone: Rule = { anonymous: 'notFound', viewer: 'notFound', researcher: 'notFound', admin: 'notFound' };

export interface RouteRules {
	/** A concrete path for routes with parameters; may use the fixture ids `{surveyId}`, `{surveyCode}`, `{systemId}`. */
	path?: string;
	page?: Rule;
	actions?: Record<string, Rule>;
	endpoints?: Record<string, Rule>;
}
