// The minimal SvelteKit form action: the same insert, through the page-action machinery the
// questionnaire uses (a plain form post that redirects).
import { redirect, type Actions } from '@sveltejs/kit';
import { storeForm } from '../../lib/store';

export const actions: Actions = {
	default: async ({ request }) => {
		storeForm(await request.formData());
		redirect(303, '/thanks');
	}
};
