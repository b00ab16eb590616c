import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { readUnsubscribeToken, unsubscribe } from '$lib/server/mail/unsubscribe';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const email = await readUnsubscribeToken(appDb(), params.token);
	if (!email) error(404, { message: 'unsubscribe.invalid' });
	return { email };
};

export const actions: Actions = {
	// Also the one-click POST (List-Unsubscribe=One-Click) that mail providers send without a session.
	default: async ({ params }) => {
		if (!(await unsubscribe(appDb(), params.token))) error(404, { message: 'unsubscribe.invalid' });
		return { done: true };
	}
};
