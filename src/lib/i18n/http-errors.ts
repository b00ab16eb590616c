/** What each client-error status tells the visitor; any other 4xx reads as a request not understood. */
const clientErrorKeys: Record<number, string> = {
	403: 'errors.forbidden',
	404: 'errors.notFound',
	405: 'errors.methodNotAllowed',
	413: 'errors.tooLarge',
	415: 'errors.unsupportedMediaType',
	429: 'errors.tooManyRequests'
};

/** The message key for an HTTP error status: a 4xx says what is wrong with the request, a 5xx that the fault is ours. */
export function errorMessageKey(status: number): string {
	if (status >= 500) return 'errors.unexpected';
	return clientErrorKeys[status] ?? 'errors.badRequest';
}
