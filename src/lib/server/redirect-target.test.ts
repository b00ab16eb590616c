import { describe, expect, it } from 'vitest';
import { sameSiteTarget } from './redirect-target';

const here = new URL('https://satindex.example.com/login?redirectTo=x');

describe('a redirect target from the user', () => {
	it.each([
		['/surveys', '/surveys'],
		['/surveys/abc/report?unit=quarter#trend', '/surveys/abc/report?unit=quarter#trend'],
		['/%09/evil.example', '/%09/evil.example'],
		['/a/../b', '/b']
	])('keeps the same-site path %j', (target, expected) => {
		expect(sameSiteTarget(target, here)).toBe(expected);
	});

	it.each(['/\\evil.example', '/\t/evil.example', '/\\/evil.example', '/\n/evil.example', '/\r\nSet-Cookie: x=1', '//x', '///x', ' //x', 'https://x', 'x', '', null, undefined, 42])(
		'sends %j to the home page instead',
		(target) => {
			expect(sameSiteTarget(target, here)).toBe('/');
		}
	);
});
