import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { resetTarget, usePasswordReset } from '$lib/server/auth/accounts';
import { appDb } from '$lib/server/db';
import { fieldError, newPasswordFields, parseForm, withConfirmation } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const schema = withConfirmation(v.object(newPasswordFields));

export const load: PageServerLoad = async ({ params }) => {
	const user = await resetTarget(appDb(), params.token);
	if (!user) error(404, { message: 'errors.resetLinkInvalid' });
	return { email: user.email };
};

export const actions: Actions = {
	default: async ({ request, params }) => {
		const form = await parseForm(request, schema);
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await usePasswordReset(appDb(), params.token, form.data.password);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.reason) });
		// The link is spent now, so this page cannot show the outcome: the login page does.
		redirect(303, '/login?passwordChanged');
	}
};
