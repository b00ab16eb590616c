import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireUser } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { createToken, revokeToken } from '$lib/server/data/tokens';
import { parseForm, requiredText } from '$lib/server/forms';
import { listApiTokens } from '$lib/server/repo/api-tokens';
import type { Actions, PageServerLoad } from './$types';

const createSchema = v.object({
	name: requiredText(100),
	scope: v.picklist(['read', 'read-write'], 'tokens.scopeInvalid')
});
const revokeSchema = v.object({ id: requiredText(64) });

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { tokens: await listApiTokens(appDb(), user.id) };
};

export const actions: Actions = {
	create: async ({ locals, request, url }) => {
		const user = requireUser(locals, url);
		const form = await parseForm(request, createSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const { token, secret } = await createToken(appDb(), user, form.data.name, form.data.scope);
		// The one time the secret leaves the server: in this action's answer, never in a load.
		return { created: { name: token.name, secret } };
	},
	revoke: async ({ locals, request, url }) => {
		const user = requireUser(locals, url);
		const form = await parseForm(request, revokeSchema);
		const name = form.ok ? await revokeToken(appDb(), user, form.data.id) : undefined;
		if (name === undefined) return fail(400, { revokeError: 'tokens.notFound' });
		return { revoked: name };
	}
};
