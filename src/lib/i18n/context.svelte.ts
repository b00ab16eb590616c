import { getContext, setContext } from 'svelte';
import type { Locale } from './locales';
import { translate, type Catalog, type MessageParams } from './translate';

export interface I18n {
	readonly locale: Locale;
	t(key: string, params?: MessageParams): string;
	number(value: number, options?: Intl.NumberFormatOptions): string;
	dateTime(epochMs: number, options?: Intl.DateTimeFormatOptions): string;
}

const key = Symbol('i18n');

/** Installs the translator for the page tree; the getters keep it in step with page data. */
export function setI18n(current: () => { locale: Locale; messages: Catalog }): I18n {
	const i18n: I18n = {
		get locale() {
			return current().locale;
		},
		t: (k, params) => translate(current().messages, k, params),
		number: (value, options) => new Intl.NumberFormat(current().locale, options).format(value),
		dateTime: (epochMs, options = { dateStyle: 'medium', timeStyle: 'short' }) =>
			new Intl.DateTimeFormat(current().locale, options).format(new Date(epochMs))
	};
	setContext(key, i18n);
	return i18n;
}

export function useI18n(): I18n {
	return getContext<I18n>(key);
}
