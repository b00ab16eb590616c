import { error, fail } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { requireRole } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { mailConfig } from '$lib/server/mail/config';
import { mailbox, retryMessage } from '$lib/server/mail/mailbox';
import { queueTestMail } from '$lib/server/mail/test-mail';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	const view = await mailbox(appDb(), { before: url.searchParams.get('before'), open: url.searchParams.get('id') });
	if (url.searchParams.get('id') && !view.open) error(404, { message: 'errors.notFound' });
	return { ...view, smtpConfigured: mailConfig(env).smtpUrl !== null };
};

export const actions: Actions = {
	test: async ({ locals, url }) => {
		const admin = requireRole(locals, 'admin', url);
		await queueTestMail(appDb(), admin, locals.locale, url.origin);
		return { action: 'test', queuedTo: admin.email };
	},
	retry: async ({ locals, request, url }) => {
		const admin = requireRole(locals, 'admin', url);
		const id = String((await request.formData()).get('id') ?? '');
		if (!(await retryMessage(appDb(), admin, id))) return fail(409, { action: 'retry', error: 'mailbox.retryNotPossible' });
		return { action: 'retry', retried: true };
	}
};
