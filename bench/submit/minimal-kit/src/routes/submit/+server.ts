// The minimal SvelteKit endpoint: what any SvelteKit POST costs before doing real work.
import type { RequestHandler } from '@sveltejs/kit';
import { storeForm } from '../../lib/store';

export const POST: RequestHandler = async ({ request }) => {
	storeForm(await request.formData());
	return new Response(null, { status: 303, headers: { location: '/thanks' } });
};
