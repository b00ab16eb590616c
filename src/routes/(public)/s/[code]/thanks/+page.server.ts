import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { publicSurvey, respondMessages } from '$lib/server/collection/respond-page';
import { chooseLanguage } from '$lib/server/collection/submit';
import { findSurveyByCode } from '$lib/server/repo/surveys';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const survey = await findSurveyByCode(appDb(), params.code);
	if (!survey) error(404, { message: 'errors.notFound' });
	const language = chooseLanguage(survey.settings, url.searchParams.get('lang') ?? locals.locale);
	return { ...publicSurvey(survey), language, messages: { [language]: respondMessages[language] } };
};
