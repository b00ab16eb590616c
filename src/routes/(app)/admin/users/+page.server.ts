import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { changeUser, createUser, issuePasswordReset } from '$lib/server/auth/accounts';
import { requireRole } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { emailField, fieldError, newPasswordFields, parseForm, requiredText, roleField } from '$lib/server/forms';
import { listUsers } from '$lib/server/repo/users';
import type { Actions, PageServerLoad } from './$types';

const createSchema = v.object({
	name: requiredText(),
	email: emailField,
	role: roleField,
	password: newPasswordFields.password
});
const userIdField = v.pipe(v.optional(v.string(), ''), v.nonEmpty('validation.required'));
const roleSchema = v.object({ userId: userIdField, role: roleField });
const userSchema = v.object({ userId: userIdField });

export const load: PageServerLoad = async ({ locals, url }) => {
	const me = requireRole(locals, 'admin', url);
	return { me: me.id, users: await listUsers(appDb()) };
};

export const actions: Actions = {
	create: async ({ locals, request, url }) => {
		const admin = requireRole(locals, 'admin', url);
		const form = await parseForm(request, createSchema);
		if (!form.ok) return fail(400, { action: 'create', values: form.values, errors: form.errors });
		const created = await createUser(appDb(), admin, form.data);
		if (!created.ok) return fail(409, { action: 'create', values: form.values, errors: fieldError('email', created.reason) });
		return { action: 'create', created: created.value.email };
	},
	role: async ({ locals, request, url }) => {
		const admin = requireRole(locals, 'admin', url);
		const form = await parseForm(request, roleSchema);
		if (!form.ok) return fail(400, { action: 'role', errors: form.errors });
		const result = await changeUser(appDb(), admin, form.data.userId, { role: form.data.role });
		if (!result.ok) return fail(409, { action: 'role', errors: fieldError('form', result.reason) });
		return { action: 'role', updated: true };
	},
	deactivate: async ({ locals, request, url }) => setActive(locals, request, url, false),
	reactivate: async ({ locals, request, url }) => setActive(locals, request, url, true),
	reset: async ({ locals, request, url }) => {
		const admin = requireRole(locals, 'admin', url);
		const form = await parseForm(request, userSchema);
		if (!form.ok) return fail(400, { action: 'reset', errors: form.errors });
		const issued = await issuePasswordReset(appDb(), admin, form.data.userId);
		if (!issued.ok) return fail(404, { action: 'reset', errors: fieldError('form', issued.reason) });
		return { action: 'reset', resetFor: form.data.userId, resetLink: `${url.origin}/reset/${issued.value}` };
	}
};

async function setActive(locals: App.Locals, request: Request, url: URL, active: boolean) {
	const admin = requireRole(locals, 'admin', url);
	const form = await parseForm(request, userSchema);
	if (!form.ok) return fail(400, { action: 'active', errors: form.errors });
	const result = await changeUser(appDb(), admin, form.data.userId, { active });
	if (!result.ok) return fail(409, { action: 'active', errors: fieldError('form', result.reason) });
	return { action: 'active', updated: true };
}
