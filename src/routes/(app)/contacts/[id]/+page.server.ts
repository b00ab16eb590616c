import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { contactDetail, contactHistory, deleteContact, optOut, updateContact } from '$lib/server/contacts';
import type { Actions, PageServerLoad } from './$types';

const ATTRIBUTE_FIELD = 'attr.';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireRole(locals, 'researcher', url);
	const detail = await contactDetail(appDb(), user, params.id);
	if (!detail) error(404, { message: 'errors.notFound' });
	return { ...detail, history: await contactHistory(appDb(), user, params.id) };
};

export const actions: Actions = {
	save: async ({ locals, params, request, url }) => {
		const user = requireRole(locals, 'researcher', url);
		const form = await request.formData();
		const text = (name: string) => String(form.get(name) ?? '');
		const attributes = Object.fromEntries([...form.keys()].filter((k) => k.startsWith(ATTRIBUTE_FIELD)).map((k) => [k.slice(ATTRIBUTE_FIELD.length), text(k)]));
		const values = { externalId: text('externalId'), name: text('name'), email: text('email'), language: text('language'), attributes };
		const result = await updateContact(appDb(), user, params.id, values);
		if (result.ok) return { saved: true };
		if (result.reason === 'notFound') error(404, { message: 'errors.notFound' });
		return fail(400, { values, errors: result.errors });
	},
	optOut: async ({ locals, params, url }) => {
		const user = requireRole(locals, 'researcher', url);
		const result = await optOut(appDb(), { contactId: params.id }, user);
		if (!result.ok) error(404, { message: 'errors.notFound' });
		return { optedOut: true };
	},
	/** Needs the confirmation box ticked: without JavaScript there is no dialog to ask. */
	delete: async ({ locals, params, request, url }) => {
		const user = requireRole(locals, 'researcher', url);
		if (!(await contactDetail(appDb(), user, params.id))) error(404, { message: 'errors.notFound' });
		if ((await request.formData()).get('confirm') !== 'yes') return fail(400, { confirmError: 'contacts.detail.confirmNeeded' });
		const result = await deleteContact(appDb(), user, params.id);
		if (!result.ok) error(404, { message: 'errors.notFound' });
		redirect(303, '/contacts?deleted=1');
	}
};
