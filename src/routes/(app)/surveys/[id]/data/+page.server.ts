import { fail, redirect } from '@sveltejs/kit';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { streamChunks } from '$lib/server/data/api-operations';
import { mappingRows, mappingTargets, saveMappingChoices } from '$lib/server/data/data-page';
import { importResponses } from '$lib/server/data/import-service';
import { EXPORTED_METADATA } from '$lib/csv/columns';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { survey } = await requireSurvey(locals, params.id, 'edit', url);
	return {
		targets: await mappingTargets(appDb(), survey, locals.locale),
		mapping: await mappingRows(appDb(), survey.id),
		languages: survey.settings.languages,
		defaultLanguage: survey.settings.defaultLanguage,
		metadata: [...EXPORTED_METADATA],
		responseCount: survey.responseCount
	};
};

/** The posted file field, or the message key of why the post could not be read. */
async function uploadedFile(request: Request): Promise<{ file: FormDataEntryValue | null } | { problem: string; status: number }> {
	try {
		return { file: (await request.formData()).get('file') };
	} catch (e) {
		// Past the server's BODY_SIZE_LIMIT: the message points to the command line, which takes any size.
		if ((e as { status?: number }).status === 413) return { problem: 'data.import.tooLarge', status: 413 };
		return { problem: 'validation.malformed', status: 400 };
	}
}

export const actions: Actions = {
	/** Remembers what unknown headers hold: fields header and target, repeated in pairs. */
	mapping: async ({ locals, params, request, url }) => {
		const { survey } = await requireSurvey(locals, params.id, 'edit', url);
		const form = await readForm(request);
		if (!form) return fail(400, { mappingError: 'validation.malformed' });
		const headers = form.getAll('header').map(String);
		const targets = form.getAll('target').map(String);
		if (headers.length === 0 || headers.length !== targets.length) return fail(400, { mappingError: 'validation.malformed' });
		const pairs = headers.map((h, i) => [h, targets[i]] as [string, string]);
		const wrong = await saveMappingChoices(appDb(), survey, pairs);
		if (wrong.length) return fail(400, { mapping: { unknown: headers, file: String(form.get('file') ?? '') }, mappingError: 'data.import.unknownTarget', values: Object.fromEntries(pairs) });
		return { mappingSaved: true };
	},
	/** The upload without JavaScript: a multipart form, then the run's page (or the mapping screen). */
	import: async ({ locals, params, request, url }) => {
		const { user, survey } = await requireSurvey(locals, params.id, 'edit', url);
		const upload = await uploadedFile(request);
		if ('problem' in upload) return fail(upload.status, { importError: upload.problem });
		const { file } = upload;
		if (!(file instanceof File) || file.size === 0 && file.name === '') return fail(400, { importError: 'data.import.chooseFile' });
		const result = await importResponses(appDb(), { survey, actor: user, via: 'web', fileName: file.name, source: streamChunks(file.stream()) });
		if (!result.ok && result.kind === 'mapping') return fail(400, { mapping: { unknown: result.unknown, file: file.name } });
		redirect(303, `/surveys/${survey.id}/data/runs/${result.runId}`);
	}
};
