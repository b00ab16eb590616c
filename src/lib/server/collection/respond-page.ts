// Shared by the respondent routes: the survey texts a page needs, and the respondent messages in
// both languages (a few KB, so the language switch needs no round trip for its own strings).
import { catalogs } from '../../i18n/catalogs';
import type { Catalog } from '../../i18n/translate';
import type { SurveySettings } from '../../survey/definition';
import type { Survey } from '../repo/surveys';

const pick = (catalog: Catalog) => Object.fromEntries(Object.entries(catalog).filter(([key]) => key.startsWith('respond.')));

/** The `respond.*` messages for each survey language. */
export const respondMessages = { en: pick(catalogs.en), 'zh-CN': pick(catalogs['zh-CN']) };

/** What a respondent page shows of a survey's settings (nothing internal). */
export function publicSurvey(survey: Survey): {
	code: string;
	settings: Pick<SurveySettings, 'languages' | 'title' | 'welcome' | 'thanks' | 'progressBar' | 'randomizeItems' | 'timeZone'>;
	opensAt: number | null;
} {
	const { languages, title, welcome, thanks, progressBar, randomizeItems, timeZone } = survey.settings;
	return { code: survey.code, settings: { languages, title, welcome, thanks, progressBar, randomizeItems, timeZone }, opensAt: survey.opensAt };
}
