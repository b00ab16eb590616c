import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { commonTimeZones, languageField, localTextFrom, tickedLanguages, timeZoneField } from '$lib/server/design/fields';
import { designIssues, saveSettings, setSurveyStatus } from '$lib/server/design/surveys';
import { saveQuotas, surveyQuotaGroups } from '$lib/server/design/quotas';
import { parseForm } from '$lib/server/forms';
import { epochToZoned, zonedToEpoch } from '$lib/survey/zoned-time';
import type { SurveySettings } from '$lib/survey/definition';
import { parseLimits, parseSourceToken } from '$lib/survey/quotas';
import type { Actions, PageServerLoad } from './$types';

const schema = v.object({
	defaultLanguage: languageField,
	timeZone: timeZoneField,
	opensAt: v.optional(v.string(), ''),
	closesAt: v.optional(v.string(), ''),
	responseCap: v.pipe(v.optional(v.string(), ''), v.trim(), v.regex(/^\d{0,9}$/, 'settings.capInvalid')),
	accessMode: v.picklist(['public', 'invitation'], 'validation.invalid'),
	duplicateGuard: v.picklist(['none', 'cookie'], 'validation.invalid')
});
const statusSchema = v.object({ status: v.picklist(['open', 'closed'], 'validation.invalid') });
const quotaSchema = v.object({ source: v.optional(v.string(), ''), intent: v.optional(v.picklist(['save', 'remove']), 'save') });

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { survey } = await requireSurvey(locals, params.id, 'edit', url);
	const zone = survey.settings.timeZone;
	// The form shows wall-clock times in the survey's zone; the instants name that zone beside them.
	const field = (name: 'opensAt' | 'closesAt', at: number | null) => ({ name, at, local: at === null ? '' : epochToZoned(at, zone) });
	return {
		settings: survey.settings,
		schedule: [field('opensAt', survey.opensAt), field('closesAt', survey.closesAt)],
		responseCap: survey.responseCap,
		responseCount: survey.responseCount,
		accessMode: survey.accessMode,
		status: survey.status,
		issues: await designIssues(appDb(), survey),
		timeZones: commonTimeZones,
		quotaGroups: await surveyQuotaGroups(appDb(), survey),
		quotaPicked: url.searchParams.get('quota')
	};
};

/** The zoned time of a field, or an error key (empty = not set). */
function readTime(value: string, zone: string): number | null | 'settings.timeInvalid' {
	if (!value.trim()) return null;
	return zonedToEpoch(value, zone) ?? 'settings.timeInvalid';
}

export const actions: Actions = {
	save: async ({ locals, params, request, url }) => {
		const { user, survey } = await requireSurvey(locals, params.id, 'edit', url);
		const form = await parseForm(request, schema);
		const values = form.values;
		const errors: Record<string, string> = form.ok ? {} : { ...form.errors };
		const languages = tickedLanguages(values);
		if (languages.length === 0) errors.languages = 'surveys.chooseLanguage';
		if (form.ok && !languages.includes(form.data.defaultLanguage)) errors.defaultLanguage = 'surveys.defaultNotChosen';
		const title = localTextFrom(values, 'title');
		for (const language of languages) if (!title[language]) errors[`title.${language}`] = 'validation.required';
		if (!form.ok || Object.keys(errors).length > 0) return fail(400, { values, errors });
		const opensAt = readTime(form.data.opensAt, form.data.timeZone);
		const closesAt = readTime(form.data.closesAt, form.data.timeZone);
		if (typeof opensAt === 'string') errors.opensAt = opensAt;
		if (typeof closesAt === 'string') errors.closesAt = closesAt;
		if (typeof opensAt === 'number' && typeof closesAt === 'number' && closesAt <= opensAt) errors.closesAt = 'settings.closeBeforeOpen';
		if (Object.keys(errors).length > 0) return fail(400, { values, errors });
		const settings: SurveySettings = {
			...survey.settings,
			languages,
			defaultLanguage: form.data.defaultLanguage,
			title,
			welcome: localTextFrom(values, 'welcome'),
			thanks: localTextFrom(values, 'thanks'),
			timeZone: form.data.timeZone,
			randomizeItems: values.randomizeItems !== undefined,
			progressBar: values.progressBar !== undefined,
			duplicateGuard: form.data.duplicateGuard
		};
		const cap = form.data.responseCap === '' ? null : Number(form.data.responseCap);
		const saved = await saveSettings(appDb(), user, survey.id, { settings, opensAt: opensAt as number | null, closesAt: closesAt as number | null, responseCap: cap, accessMode: form.data.accessMode });
		if (!saved.ok) return fail(400, { values, errors: { responseCap: saved.reason }, params: saved.params });
		return { saved: true };
	},
	status: async ({ locals, params, request, url }) => {
		const { user, survey } = await requireSurvey(locals, params.id, 'edit', url);
		const form = await parseForm(request, statusSchema);
		if (!form.ok) return fail(400, { statusError: 'validation.invalid' });
		const changed = await setSurveyStatus(appDb(), user, survey.id, form.data.status);
		if (!changed.ok) return fail(400, { statusError: changed.reason });
		return { status: form.data.status, published: changed.value };
	},
	quotas: async ({ locals, params, request, url }) => {
		const { user, survey } = await requireSurvey(locals, params.id, 'edit', url);
		const form = await parseForm(request, quotaSchema);
		const quotaSource = form.values.source ?? '';
		const source = form.ok ? parseSourceToken(form.data.source) : null;
		if (!form.ok || !source) return fail(400, { quotaSource, quotaErrors: { form: 'quotas.sourceUnknown' } });
		const options = Object.keys(form.values).flatMap((name) => (name.startsWith('limit.') ? [name.slice(6)] : []));
		const parsed = form.data.intent === 'remove' ? { ok: true as const, limits: [] } : parseLimits(form.values, options);
		if (!parsed.ok) return fail(400, { quotaSource, quotaValues: form.values, quotaErrors: parsed.errors });
		const saved = await saveQuotas(appDb(), user, survey.id, { source, limits: parsed.limits });
		if (!saved.ok) return fail(400, { quotaSource, quotaValues: form.values, quotaErrors: { form: saved.reason } });
		return { quotaSource, quotasSaved: form.data.intent };
	}
};
