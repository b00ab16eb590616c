import { loadPreview } from '$lib/server/design/preview';
import type { PageServerLoad } from './$types';

// The phone preview's frame: the same page, alone, so that a 375 px frame is a 375 px viewport.
export const load: PageServerLoad = ({ locals, params, url }) => loadPreview(locals, params.id, url);
