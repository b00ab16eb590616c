import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { setupAdmin } from '$lib/server/auth/accounts';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { clientKey } from '$lib/server/client';
import { appDb } from '$lib/server/db';
import { loadDemoWorkspace } from '$lib/server/demo/load-demo';
import { emailField, fieldError, newPasswordFields, parseForm, requiredText, withConfirmation } from '$lib/server/forms';
import { countUsers } from '$lib/server/repo/users';
import type { Actions, PageServerLoad } from './$types';

const schema = withConfirmation(v.object({ name: requiredText(), email: emailField, ...newPasswordFields, demo: v.optional(v.literal('on')) }));

/** The setup page exists only while the installation has no user. */
async function ensureNoUsers() {
	if ((await countUsers(appDb())) > 0) error(404, { message: 'errors.notFound' });
}

export const load: PageServerLoad = async () => {
	await ensureNoUsers();
};

export const actions: Actions = {
	default: async (event) => {
		await ensureNoUsers();
		const form = await parseForm(event.request, schema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const created = await setupAdmin(appDb(), form.data, await clientKey(event));
		if (!created.ok) return fail(409, { values: form.values, errors: fieldError('form', created.reason) });
		const { token, session } = await createSession(appDb(), created.value.id);
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		if (!form.data.demo) redirect(303, '/');
		await loadDemoWorkspace(appDb(), created.value, { origin: event.url.origin });
		redirect(303, '/?demo');
	}
};
