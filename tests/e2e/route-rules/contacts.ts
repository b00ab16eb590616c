import { researchers, type Rule, type RouteRules } from './rules';

// Contacts are personal data: admins and researchers only; viewers get 403 on every page and action.
const tokenOnly: Rule = { anonymous: 'unauthorized', viewer: 'unauthorized', researcher: 'unauthorized', admin: 'unauthorized' };
// A contact that does not exist: the role check answers first, then 404.
const missingContact: Rule = { anonymous: 'login', viewer: 'forbidden', researcher: 'notFound', admin: 'notFound' };

export const rules: Record<string, RouteRules> = {
	'/contacts': { page: researchers },
	'/contacts/import': { page: researchers, actions: { import: researchers, mapping: researchers } },
	'/contacts/segments': { page: researchers, actions: { reportSegments: researchers, save: researchers, delete: researchers } },
	'/contacts/[id]': { path: '/contacts/no-such-contact', page: missingContact, actions: { save: missingContact, optOut: missingContact, delete: missingContact } },
	'/api/v1/contacts': { endpoints: { GET: tokenOnly } },
	'/api/v1/contacts/import': { endpoints: { POST: tokenOnly } },
	'/api/v1/contacts/[id]': { path: '/api/v1/contacts/no-such-contact', endpoints: { DELETE: tokenOnly } }
};
