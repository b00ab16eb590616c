import { redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { browserEndpoint } from '$lib/server/errors';
import { readForm } from '$lib/server/forms';
import { sameSiteTarget } from '$lib/server/redirect-target';
import { updateUser } from '$lib/server/repo/users';
import { isLocale, LOCALE_COOKIE } from '$lib/i18n/locales';
import type { RequestHandler } from './$types';

const YEAR_S = 365 * 24 * 60 * 60;

/** The language switcher: remembers the choice in a cookie (and the account) and goes back. */
export const POST: RequestHandler = browserEndpoint(async ({ request, cookies, locals, url }) => {
	const form = (await readForm(request)) ?? new URLSearchParams();
	const lang = form.get('lang');
	if (isLocale(lang)) {
		cookies.set(LOCALE_COOKIE, lang, { path: '/', maxAge: YEAR_S, sameSite: 'lax', httpOnly: false, secure: url.protocol === 'https:' });
		if (locals.user) await updateUser(appDb(), locals.user.id, { locale: lang });
	}
	redirect(303, sameSiteTarget(form.get('redirectTo'), url));
});
