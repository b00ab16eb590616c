import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireRole } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { createSurvey, type SurveySource } from '$lib/server/design/surveys';
import { commonTimeZones, languageField, localTextFrom, optionalText, tickedLanguages, timeZoneField } from '$lib/server/design/fields';
import { parseForm } from '$lib/server/forms';
import { listSystems } from '$lib/server/repo/systems';
import { isTemplateId, systemTemplates, templateIds } from '$lib/survey/templates';
import type { Actions, PageServerLoad } from './$types';

const schema = v.object({
	'title.zh-CN': optionalText(200),
	'title.en': optionalText(200),
	defaultLanguage: languageField,
	timeZone: timeZoneField,
	source: v.pipe(v.optional(v.string(), ''), v.nonEmpty('surveys.chooseSource'))
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'researcher', url);
	const systems = (await listSystems(appDb(), user)).filter((s) => !s.archived && s.nodeCount > 0);
	return {
		templates: templateIds.map((id) => ({ id, name: systemTemplates[id].name, description: systemTemplates[id].description })),
		systems: systems.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn, nodeCount: s.nodeCount })),
		timeZones: commonTimeZones,
		preselected: url.searchParams.get('system')
	};
};

function sourceFrom(value: string): SurveySource | null {
	if (value === 'blank') return { kind: 'blank' };
	const [kind, id] = value.split(':');
	if (kind === 'template' && isTemplateId(id)) return { kind: 'template', template: id };
	if (kind === 'system' && id) return { kind: 'system', systemId: id };
	return null;
}

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const user = requireRole(locals, 'researcher', url);
		const form = await parseForm(request, schema);
		const values = form.values;
		const languages = tickedLanguages(values);
		const errors: Record<string, string> = form.ok ? {} : { ...form.errors };
		const title = localTextFrom(values, 'title');
		if (languages.length === 0) errors.languages = 'surveys.chooseLanguage';
		if (form.ok && !languages.includes(form.data.defaultLanguage)) errors.defaultLanguage = 'surveys.defaultNotChosen';
		for (const language of languages) if (!title[language]) errors[`title.${language}`] = 'validation.required';
		const source = sourceFrom(values.source ?? '');
		if (!source) errors.source ??= 'surveys.chooseSource';
		if (!form.ok || Object.keys(errors).length > 0 || !source) return fail(400, { values, errors });
		const created = await createSurvey(appDb(), user, { title, languages, defaultLanguage: form.data.defaultLanguage, timeZone: form.data.timeZone, source });
		if (!created.ok) return fail(400, { values, errors: { source: created.reason } });
		redirect(303, `/surveys/${created.value.id}/design`);
	}
};
