// What the designer's preview shows: the draft exactly as respondents will see it, in a chosen
// language, page and width. The preview page and its phone frame read the same.
import { requireSurvey } from '$lib/server/auth/survey-access';
import { respondMessages } from '$lib/server/collection/respond-page';
import { surveyLanguages, type SurveyLanguage } from '$lib/survey/definition';
import { WELCOME_PAGE } from '$lib/survey/paging';

export type PreviewWidth = 'phone' | 'desktop';

/** The draft, its settings and the page asked for by `?lang=…&page=…&width=…` (clamped to what exists). */
export async function loadPreview(locals: App.Locals, surveyId: string, url: URL) {
	const { survey } = await requireSurvey(locals, surveyId, 'edit', url);
	const { settings, draft } = survey;
	const asked = url.searchParams.get('lang') as SurveyLanguage;
	const language = settings.languages.includes(asked) ? asked : settings.defaultLanguage;
	const hasWelcome = Boolean(settings.welcome[language]?.trim());
	const first = hasWelcome ? WELCOME_PAGE : 0;
	const requested = Number(url.searchParams.get('page') ?? first);
	const page = Number.isInteger(requested) ? Math.max(first, Math.min(requested, draft.sections.length - 1)) : first;
	return {
		survey: { id: survey.id, code: survey.code },
		definition: draft,
		settings: { languages: settings.languages.filter((l) => surveyLanguages.includes(l)), title: settings.title, welcome: settings.welcome, progressBar: settings.progressBar },
		language,
		page,
		first,
		width: (url.searchParams.get('width') === 'phone' ? 'phone' : 'desktop') as PreviewWidth,
		respondMessages: respondMessages[language]
	};
}

export type PreviewData = Awaited<ReturnType<typeof loadPreview>>;
