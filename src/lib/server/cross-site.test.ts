import { describe, expect, it } from 'vitest';
import { isCrossSiteForm } from './cross-site';

const origin = 'https://satindex.example.com';
const post = (headers: Record<string, string>, method = 'POST') => new Request(`${origin}/login`, { method, headers, body: 'a=1' });

describe('isCrossSiteForm', () => {
	it.each([
		['a form from another site', { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, true],
		['a multipart form with no origin', { 'content-type': 'multipart/form-data; boundary=x' }, true],
		['plain text from another site, in capitals', { 'content-type': 'TEXT/PLAIN', origin: 'https://evil.example' }, true],
		['a form from this site', { 'content-type': 'application/x-www-form-urlencoded', origin }, false],
		['JSON from another site (the browser asks first, and the API wants a token)', { 'content-type': 'application/json', origin: 'https://evil.example' }, false]
	])('%s → %s', (_name, headers, expected) => {
		expect(isCrossSiteForm(post(headers), origin)).toBe(expected);
	});

	it('leaves reading requests alone', () => {
		const get = new Request(`${origin}/login`, { headers: { origin: 'https://evil.example', 'content-type': 'text/plain' } });
		expect(isCrossSiteForm(get, origin)).toBe(false);
		expect(isCrossSiteForm(post({ 'content-type': 'text/plain', origin: 'https://evil.example' }, 'DELETE'), origin)).toBe(true);
	});
});
