import { getContext, setContext } from 'svelte';
import type { Locale } from './locales';
import { translate, type Catalog, type MessageParams } from './translate';
import { formatZoned, type ZonedStyle } from './zoned-format';

export interface I18n {
	readonly locale: Locale;
	/** The page's own time zone: the survey's on respondent pages, the server's elsewhere. */
	readonly timeZone: string;
	t(key: string, params?: MessageParams): string;
	number(value: number, options?: Intl.NumberFormatOptions): string;
	/** An instant in `timeZone` (the page's zone when omitted), with the zone named. */
	dateTime(epochMs: number, timeZone?: string, style?: ZonedStyle): string;
}

const key = Symbol('i18n');

/** Installs the translator for the page tree; the getters keep it in step with page data. */
export function setI18n(current: () => { locale: Locale; messages: Catalog; timeZone: string }): I18n {
	const i18n: I18n = {
		get locale() {
			return current().locale;
		},
		get timeZone() {
			return current().timeZone;
		},
		t: (k, params) => translate(current().messages, k, params),
		number: (value, options) => new Intl.NumberFormat(current().locale, options).format(value),
		dateTime: (epochMs, timeZone = current().timeZone, style) => formatZoned(epochMs, timeZone, current().locale, style)
	};
	setContext(key, i18n);
	return i18n;
}

export function useI18n(): I18n {
	return getContext<I18n>(key);
}
