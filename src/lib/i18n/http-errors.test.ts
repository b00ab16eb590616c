import { describe, expect, it } from 'vitest';
import { catalogs } from './catalogs';
import { errorMessageKey } from './http-errors';

describe('the message for an HTTP error status', () => {
	it.each([
		[400, 'errors.badRequest'],
		[403, 'errors.forbidden'],
		[404, 'errors.notFound'],
		[405, 'errors.methodNotAllowed'],
		[413, 'errors.tooLarge'],
		[415, 'errors.unsupportedMediaType'],
		[418, 'errors.badRequest'],
		[429, 'errors.tooManyRequests'],
		[500, 'errors.unexpected'],
		[503, 'errors.unexpected']
	])('%i → %s, in both languages', (status, key) => {
		expect(errorMessageKey(status)).toBe(key);
		expect(catalogs.en[key]).toBeTruthy();
		expect(catalogs['zh-CN'][key]).toBeTruthy();
	});

	it('never blames the server for a client error', () => {
		for (let status = 400; status < 500; status++) expect(catalogs.en[errorMessageKey(status)]).not.toContain('our side');
	});
});
