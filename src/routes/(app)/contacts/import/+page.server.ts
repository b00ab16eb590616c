import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { streamChunks } from '$lib/server/data/api-operations';
import { importContacts, saveContactMappingChoices } from '$lib/server/contacts';
import { listContactAttributes } from '$lib/server/repo/contacts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'researcher', url);
	return { attributes: await listContactAttributes(appDb()) };
};

export const actions: Actions = {
	/** The upload (a multipart form, with or without JavaScript): the list with its counts, the mapping screen, or the row report. */
	import: async ({ locals, request, url }) => {
		const user = requireRole(locals, 'researcher', url);
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || (file.size === 0 && file.name === '')) return fail(400, { importError: 'contacts.import.chooseFile' });
		const result = await importContacts(appDb(), { actor: user, via: 'web', fileName: file.name, source: streamChunks(file.stream()) });
		if (result.ok) redirect(303, `/contacts?created=${result.created}&updated=${result.updated}`);
		if (result.kind === 'mapping') return fail(400, { mapping: { unknown: result.unknown, file: file.name } });
		return fail(400, { report: { file: file.name, errors: result.errors, errorCount: result.errorCount } });
	},
	/** What unknown headers hold: fields header and target, repeated in pairs. */
	mapping: async ({ locals, request, url }) => {
		const user = requireRole(locals, 'researcher', url);
		const form = await request.formData();
		const headers = form.getAll('header').map(String);
		const targets = form.getAll('target').map(String);
		const file = String(form.get('file') ?? '');
		if (headers.length === 0 || headers.length !== targets.length) return fail(400, { mappingError: 'validation.malformed' });
		const saved = await saveContactMappingChoices(appDb(), user, headers.map((h, i) => [h, targets[i]]));
		if (!saved.ok) return fail(400, { mapping: { unknown: headers, file }, mappingError: 'contacts.import.unknownTarget' });
		return { mappingSaved: true };
	}
};
