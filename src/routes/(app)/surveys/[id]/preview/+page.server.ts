import { loadPreview } from '$lib/server/design/preview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => loadPreview(locals, params.id, url);
