import { error } from '@sveltejs/kit';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { streamChunks } from '$lib/server/data/api-operations';
import { importEventStream } from '$lib/server/data/import-progress';
import { browserEndpoint } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/**
 * The page's upload with progress: the raw file as the body (text/csv), NDJSON events back.
 * Kit checks the origin of form posts only, so this same-origin check stands in for it.
 */
export const POST: RequestHandler = browserEndpoint(async ({ locals, params, request, url }) => {
	const { user, survey } = await requireSurvey(locals, params.id, 'edit', url);
	if (request.headers.get('origin') !== url.origin) error(403, { message: 'errors.forbidden' });
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim();
	if (type !== 'text/csv' && type !== 'application/octet-stream') error(415, { message: 'validation.malformed' });
	const fileName = url.searchParams.get('name')?.slice(0, 200) || 'upload.csv';
	const body = importEventStream(appDb(), { survey, actor: user, via: 'web', fileName, source: streamChunks(request.body) });
	return new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
});
