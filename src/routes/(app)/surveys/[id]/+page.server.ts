import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { designIssues } from '$lib/server/design/surveys';
import { publishPlanFor } from '$lib/server/design/publish';
import { accessAtLeast, listVersions } from '$lib/server/repo/surveys';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { survey, access } = await requireSurvey(locals, params.id, 'view', url);
	const canEdit = accessAtLeast(access, 'edit');
	const versions = await listVersions(appDb(), survey.id);
	const current = versions.find((v) => v.id === survey.currentVersionId);
	return {
		canEdit,
		link: `${url.origin}/s/${survey.code}`,
		overview: {
			status: survey.status,
			languages: survey.settings.languages,
			responseCount: survey.responseCount,
			responseCap: survey.responseCap,
			opensAt: survey.opensAt,
			closesAt: survey.closesAt,
			timeZone: survey.settings.timeZone,
			accessMode: survey.accessMode,
			items: survey.draft.sections.reduce((n, s) => n + s.items.length, 0),
			currentVersion: current?.number ?? null,
			versions: versions.map((v) => ({ number: v.number, createdAt: v.createdAt, items: v.definition.sections.reduce((n, s) => n + s.items.length, 0) }))
		},
		issues: canEdit ? await designIssues(appDb(), survey) : [],
		plan: canEdit ? await publishPlanFor(appDb(), survey) : null
	};
};
