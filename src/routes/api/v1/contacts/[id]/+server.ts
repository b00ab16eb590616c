import { ApiError } from '$lib/server/auth/api-tokens';
import { appDb } from '$lib/server/db';
import { deleteContact } from '$lib/server/contacts';
import { apiContactsCaller } from '$lib/server/data/api-contacts';
import { apiHandler, apiJson } from '$lib/server/data/api-http';
import type { RequestHandler } from './$types';

/** Deletes a contact's personal data on request; its responses stay, unlinked. */
export const DELETE: RequestHandler = apiHandler(async ({ request, params }) => {
	const caller = await apiContactsCaller(request, 'read-write');
	const result = await deleteContact(appDb(), caller.user, params.id);
	if (!result.ok) throw new ApiError(404, 'not_found', 'No such contact.');
	return apiJson({ data: { deleted: params.id, invitationsUnlinked: result.invitationsUnlinked } });
});
