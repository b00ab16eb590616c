import { fail, redirect } from '@sveltejs/kit';
import { storeRebuildProgress } from '$lib/server/analysis/rebuild-job';
import { requireRole } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { deleteSegment, markSegmentAttributes, saveSegment, savedSegmentsWithCounts } from '$lib/server/contacts';
import { readForm } from '$lib/server/forms';
import { listContactAttributes } from '$lib/server/repo/contacts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'researcher', url);
	const db = appDb();
	return {
		attributes: await listContactAttributes(db),
		segments: await savedSegmentsWithCounts(db, user),
		rebuild: await storeRebuildProgress(db),
		done: url.searchParams.get('done')
	};
};

export const actions: Actions = {
	reportSegments: async ({ locals, request, url }) => {
		const user = requireRole(locals, 'researcher', url);
		const form = await readForm(request);
		if (!form) return fail(400, { action: 'reportSegments', errors: { form: 'validation.malformed' } });
		const marked = await markSegmentAttributes(appDb(), user, form.getAll('segment').map(String));
		if (!marked.ok) return fail(400, { action: 'reportSegments', errors: { form: 'segments.error.unknownAttribute' } });
		redirect(303, '/contacts/segments?done=marked');
	},
	save: async ({ locals, request, url }) => {
		const user = requireRole(locals, 'researcher', url);
		const form = await readForm(request);
		const values = { name: String(form?.get('name') ?? ''), key: String(form?.get('attr') ?? ''), value: String(form?.get('value') ?? '') };
		if (!form) return fail(400, { action: 'save', values, errors: { form: 'validation.malformed' } });
		const saved = await saveSegment(appDb(), user, values);
		if (!saved.ok) return fail(400, { action: 'save', values, errors: saved.errors });
		redirect(303, '/contacts/segments?done=saved');
	},
	delete: async ({ locals, request, url }) => {
		const user = requireRole(locals, 'researcher', url);
		const form = await readForm(request);
		await deleteSegment(appDb(), user, String(form?.get('id') ?? ''));
		redirect(303, '/contacts/segments?done=deleted');
	}
};
