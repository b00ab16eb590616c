import { redirect, type Cookies } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE } from '../../i18n/locales';

const YEAR_S = 365 * 24 * 60 * 60;

/**
 * Expert links may carry `?lang=zh-CN|en` (the researcher chooses the language of the invitation):
 * remember it in the app's language cookie and reload without it, so the whole page (layout
 * included) renders in that language.
 */
export function applyLanguageParam(url: URL, cookies: Cookies): void {
	const lang = url.searchParams.get('lang');
	if (lang === null) return;
	if (isLocale(lang)) cookies.set(LOCALE_COOKIE, lang, { path: '/', maxAge: YEAR_S, sameSite: 'lax', httpOnly: false, secure: url.protocol === 'https:' });
	const clean = new URL(url);
	clean.searchParams.delete('lang');
	redirect(303, clean.pathname + clean.search);
}
