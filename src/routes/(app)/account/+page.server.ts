import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { changeOwnPassword } from '$lib/server/auth/accounts';
import { requireUser } from '$lib/server/auth/guards';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { appDb } from '$lib/server/db';
import { fieldError, newPasswordFields, parseForm, withConfirmation } from '$lib/server/forms';
import { recordAudit } from '$lib/server/repo/audit';
import { deleteSession, deleteUserSessions } from '$lib/server/repo/sessions';
import type { Actions, PageServerLoad } from './$types';

const changePasswordSchema = withConfirmation(
	v.object({ currentPassword: v.pipe(v.optional(v.string(), ''), v.nonEmpty('validation.required')), ...newPasswordFields })
);

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { email: user.email, role: user.role };
};

export const actions: Actions = {
	changePassword: async ({ locals, request, url }) => {
		const user = requireUser(locals, url);
		const form = await parseForm(request, changePasswordSchema);
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await changeOwnPassword(appDb(), user, form.data.currentPassword, form.data.password, locals.session!.id);
		if (!result.ok) return fail(400, { errors: fieldError('currentPassword', result.reason) });
		return { passwordChanged: true };
	},
	logout: async ({ locals, cookies }) => {
		if (locals.session) await deleteSession(appDb(), locals.session.id);
		deleteSessionCookie(cookies);
		locals.user = null;
		locals.session = null;
		redirect(303, '/login');
	},
	logoutAll: async ({ locals, cookies, url }) => {
		const user = requireUser(locals, url);
		await appDb().transaction().execute(async (trx) => {
			await deleteUserSessions(trx, user.id);
			await recordAudit(trx, { action: 'logout.all', actor: user, target: user.email });
		});
		deleteSessionCookie(cookies);
		locals.user = null;
		locals.session = null;
		redirect(303, '/login');
	}
};
