import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireRole } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { createSystem } from '$lib/server/design/systems';
import { optionalText } from '$lib/server/design/fields';
import { parseForm, requiredText } from '$lib/server/forms';
import { listSystems } from '$lib/server/repo/systems';
import { isTemplateId, systemTemplates, templateIds } from '$lib/survey/templates';
import type { Actions, PageServerLoad } from './$types';

const createSchema = v.object({
	nameZh: requiredText(200),
	nameEn: requiredText(200),
	description: optionalText(2000),
	template: v.pipe(v.optional(v.string(), ''), v.check((t) => t === '' || isTemplateId(t), 'validation.invalid'))
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'researcher', url);
	return {
		systems: await listSystems(appDb(), user),
		templates: templateIds.map((id) => ({ id, name: systemTemplates[id].name }))
	};
};

export const actions: Actions = {
	create: async ({ locals, request, url }) => {
		const user = requireRole(locals, 'researcher', url);
		const form = await parseForm(request, createSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors as Record<string, string> });
		const template = isTemplateId(form.data.template) ? form.data.template : null;
		const system = await createSystem(appDb(), user, { ...form.data, template });
		redirect(303, `/systems/${system.id}`);
	}
};
