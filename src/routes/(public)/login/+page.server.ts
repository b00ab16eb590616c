import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { logIn } from '$lib/server/auth/accounts';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { clientKey } from '$lib/server/client';
import { appDb } from '$lib/server/db';
import { fieldError, parseForm, requiredText } from '$lib/server/forms';
import { sameSiteTarget } from '$lib/server/redirect-target';
import { countUsers } from '$lib/server/repo/users';
import type { Actions, PageServerLoad } from './$types';

const schema = v.object({
	email: requiredText(254),
	password: v.pipe(v.optional(v.string(), ''), v.nonEmpty('validation.required')),
	redirectTo: v.optional(v.string(), '/')
});

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, sameSiteTarget(url.searchParams.get('redirectTo'), url));
	if ((await countUsers(appDb())) === 0) redirect(303, '/setup');
	return { redirectTo: sameSiteTarget(url.searchParams.get('redirectTo'), url), passwordChanged: url.searchParams.has('passwordChanged') };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await parseForm(event.request, schema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors, params: undefined });
		const result = await logIn(appDb(), form.data.email, form.data.password, await clientKey(event));
		if (!result.ok) {
			const throttled = result.reason === 'login.throttled';
			if (throttled) event.setHeaders({ 'retry-after': String(result.params?.seconds ?? 1) });
			return fail(throttled ? 429 : 400, { values: form.values, errors: fieldError('form', result.reason), params: result.params });
		}
		const { token, session } = await createSession(appDb(), result.value.id);
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		event.locals.user = result.value;
		event.locals.session = session;
		redirect(303, sameSiteTarget(form.data.redirectTo, event.url));
	}
};
