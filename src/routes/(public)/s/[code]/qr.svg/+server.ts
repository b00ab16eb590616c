import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { respondentLink, qrSvg } from '$lib/server/collection/links';
import { findSurveyByCode } from '$lib/server/repo/surveys';
import { browserEndpoint } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/** A printable QR code (SVG) of the survey's link, with `?ch=` and `?t=` passed through. */
export const GET: RequestHandler = browserEndpoint(async ({ params, url }) => {
	const survey = await findSurveyByCode(appDb(), params.code);
	if (!survey) error(404, { message: 'errors.notFound' });
	const link = respondentLink(url.origin, survey.code, { channel: url.searchParams.get('ch'), token: url.searchParams.get('t') });
	return new Response(await qrSvg(link), {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'cache-control': 'private, max-age=3600',
			'content-disposition': `inline; filename="qr-${survey.code}.svg"`
		}
	});
});
