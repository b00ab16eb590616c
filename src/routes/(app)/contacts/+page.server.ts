import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { contactsPage, cursorText, parseCursor } from '$lib/server/contacts';
import { countContacts } from '$lib/server/repo/contacts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'researcher', url);
	const search = url.searchParams.get('q')?.trim().slice(0, 200) ?? '';
	const key = url.searchParams.get('attr') ?? '';
	const value = url.searchParams.get('value')?.trim().slice(0, 500) ?? '';
	const after = parseCursor(url.searchParams.get('after'));
	if (after === undefined) error(400, { message: 'validation.malformed' });
	const page = await contactsPage(appDb(), user, { search: search || undefined, attribute: key && value ? { key, value } : undefined, after, limit: PAGE_SIZE });
	const done = url.searchParams.get('created') !== null ? { created: Number(url.searchParams.get('created')) || 0, updated: Number(url.searchParams.get('updated')) || 0 } : null;
	return {
		contacts: page.contacts,
		attributes: page.attributes,
		total: await countContacts(appDb()),
		filter: { q: search, attr: key, value },
		next: page.next ? cursorText(page.next) : null,
		paged: after !== null,
		done,
		deleted: url.searchParams.has('deleted')
	};
};
