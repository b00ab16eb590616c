// Form fields shared by the designer's pages (valibot schemas; issue messages are message keys).
import * as v from 'valibot';
import { surveyLanguages, type LocalText, type SurveyLanguage } from '../../survey/definition';

/** An IANA time zone the runtime knows. */
export function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return zone.length > 0;
	} catch {
		return false;
	}
}

export const timeZoneField = v.pipe(v.optional(v.string(), ''), v.trim(), v.check(isTimeZone, 'validation.timeZone'));

export const languageField = v.picklist(surveyLanguages, 'validation.invalid');

/** Optional text up to `max` characters. */
export function optionalText(max = 2000) {
	return v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(max, 'validation.tooLong'));
}

/** The languages ticked in a form (fields `lang.zh-CN`, `lang.en`). */
export function tickedLanguages(values: Record<string, string>): SurveyLanguage[] {
	return surveyLanguages.filter((language) => values[`lang.${language}`] !== undefined);
}

/** A LocalText from fields `<prefix>.zh-CN` and `<prefix>.en` (empty texts left out). */
export function localTextFrom(values: Record<string, string>, prefix: string): LocalText {
	const text: LocalText = {};
	for (const language of surveyLanguages) {
		const value = values[`${prefix}.${language}`]?.trim();
		if (value) text[language] = value.slice(0, 4000);
	}
	return text;
}

/** The time zones offered first in pickers; any other valid IANA zone may be typed. */
export const commonTimeZones = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'UTC'];
