// The cross-site form check SvelteKit would make, made in our own handle so that the refusal
// can speak the visitor's language (Kit's own answers in fixed English text).

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// What a page on another site can send without asking first (the "simple" requests of CORS).
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** Whether a request is a form submission from another origin, which no page of ours makes. */
export function isCrossSiteForm(request: Request, origin: string): boolean {
	if (!UNSAFE_METHODS.has(request.method)) return false;
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
	return FORM_TYPES.has(type) && request.headers.get('origin') !== origin;
}
