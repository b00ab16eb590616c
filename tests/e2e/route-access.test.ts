// Walks every route in src/routes, for anonymous visitors and each role, against the built app.
// The route list comes from the file system, so a new route without a rule here fails the test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/lib/server/auth/password';
import { createSession } from '../../src/lib/server/auth/session';
import type { Role } from '../../src/lib/server/db/schema';
import { seedRouteFixtures, type RouteFixtures } from './route-rules/fixtures';
import { insertUser } from '../../src/lib/server/repo/users';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';
import { visitors, type Outcome, type RouteRules, type Visitor } from './route-rules/rules';

// Each area of the app keeps its rules in route-rules/<area>.ts.
const rules: Record<string, RouteRules> = Object.assign(
	{},
	...Object.values(import.meta.glob<Record<string, RouteRules>>('./route-rules/*.ts', { eager: true, import: 'rules' })).filter(Boolean)
);

interface DiscoveredRoute {
	id: string;
	page: boolean;
	actions: string[];
	endpoints: string[];
}

function discoverRoutes(root = 'src/routes'): DiscoveredRoute[] {
	const found = new Map<string, DiscoveredRoute>();
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir)) {
			const path = join(dir, entry);
			if (statSync(path).isDirectory()) walk(path);
			else if (/^\+(page|server)(\.server)?\.(svelte|ts)$/.test(entry)) {
				const id = ('/' + relative(root, dir).split(sep).filter((s) => s && !/^\(.*\)$/.test(s)).join('/')).replace(/\/$/, '') || '/';
				const route = found.get(id) ?? { id, page: false, actions: [], endpoints: [] };
				const source = readFileSync(path, 'utf8');
				if (entry.startsWith('+page')) route.page = true;
				if (entry === '+page.server.ts' && source.includes('export const actions')) {
					const block = source.slice(source.indexOf('export const actions'));
					route.actions.push(...[...block.matchAll(/^\t(\w+):/gm)].map((m) => m[1]));
				}
				if (entry === '+server.ts') route.endpoints.push(...[...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]));
				found.set(id, route);
			}
		}
	};
	walk(root);
	return [...found.values()];
}

function classify(response: Response): Outcome | `other:${number}` {
	const location = response.headers.get('location') ?? '';
	if (response.status === 401) return 'unauthorized';
	if (response.status === 403) return 'forbidden';
	if (response.status === 404) return 'notFound';
	if (response.status >= 300 && response.status < 400 && location.startsWith('/login')) return 'login';
	if (response.status < 500) return 'allow';
	return `other:${response.status}`;
}

describe('authorisation of every route', () => {
	const database = tempDatabase('routes');
	const { db, dbPath } = database;
	const userIds = {} as Record<Role, string>;
	let server: RunningServer;
	let fixtures: RouteFixtures;
	const discovered = discoverRoutes();

	beforeAll(async () => {
		await database.migrate();
		const passwordHash = await hashPassword('a long test password');
		for (const role of ['admin', 'researcher', 'viewer'] as const) {
			userIds[role] = (await insertUser(db, { email: `${role}@example.com`, name: role, passwordHash, role })).id;
		}
		fixtures = await seedRouteFixtures(db, userIds);
		server = await startServer({ dbPath });
	});
	afterAll(async () => {
		await closeAll({ server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	/** A fresh session per request, so logging out in one request does not affect the next. */
	async function cookieFor(visitor: Visitor): Promise<Record<string, string>> {
		if (visitor === 'anonymous') return {};
		const { token } = await createSession(db, userIds[visitor]);
		return { cookie: `session=${token}` };
	}

	async function request(visitor: Visitor, method: string, template: string): Promise<Response> {
		const post = method !== 'GET';
		const path = template.replace(/\{(\w+)\}/g, (_, name: keyof RouteFixtures) => fixtures[name]);
		return fetch(server.url + path, {
			method,
			redirect: 'manual',
			headers: {
				...(await cookieFor(visitor)),
				// A browser's plain form post (Kit answers other clients' action posts with JSON).
				accept: 'text/html',
				...(post ? { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' } : {})
			},
			body: post ? '' : undefined
		});
	}

	it('has a rule for every route, action and endpoint, and no stale rules', () => {
		const described = discovered.map((r) => ({ id: r.id, actions: r.actions.sort(), endpoints: r.endpoints.sort(), page: r.page }));
		const expected = Object.entries(rules).map(([id, rule]) => ({
			id,
			actions: Object.keys(rule.actions ?? {}).sort(),
			endpoints: Object.keys(rule.endpoints ?? {}).sort(),
			page: rule.page !== undefined
		}));
		const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
		expect(described.sort(byId)).toEqual(expected.sort(byId));
	});

	const cases = Object.entries(rules).flatMap(([id, rule]) => {
		const path = rule.path ?? id;
		return [
			...(rule.page ? [{ what: `GET ${path}`, method: 'GET', url: path, rule: rule.page }] : []),
			...Object.entries(rule.actions ?? {}).map(([action, r]) => ({
				what: `POST ${path} ?/${action}`,
				method: 'POST',
				url: action === 'default' ? path : `${path}?/${action}`,
				rule: r
			})),
			...Object.entries(rule.endpoints ?? {}).map(([method, r]) => ({ what: `${method} ${path}`, method, url: path, rule: r }))
		];
	});

	it.each(cases)('$what', async ({ method, url, rule }) => {
		const outcomes: Record<string, string> = {};
		for (const visitor of visitors) outcomes[visitor] = classify(await request(visitor, method, url));
		expect(outcomes).toEqual(rule);
	});

	it('refuses a form post from another origin, even with a valid admin session', async () => {
		const response = await fetch(`${server.url}/admin/users?/create`, {
			method: 'POST',
			redirect: 'manual',
			headers: { ...(await cookieFor('admin')), origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'name=X&email=x%40example.com&role=admin&password=aaaaaaaaaaaa'
		});
		expect(response.status).toBe(403);
		expect(await response.text()).toContain('This form was sent from another website, so it was not accepted.');
		const users = await db.selectFrom('users').select('email').where('email', '=', 'x@example.com').execute();
		expect(users).toEqual([]);
	});

	it('says so in the visitor’s language', async () => {
		const response = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'zh-CN' },
			body: 'email=a%40example.com&password=x'
		});
		expect(response.status).toBe(403);
		expect(await response.text()).toContain('此表单是从其他网站提交的，因此未被接受。');
	});

	it('sends security headers', async () => {
		const response = await request('anonymous', 'GET', '/login');
		expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-[^']+'/);
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});

	it('lets only the phone preview be framed, and only by the app itself', async () => {
		const preview = await request('researcher', 'GET', '/surveys/{surveyId}/preview?width=phone');
		expect(preview.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(preview.headers.get('x-frame-options')).toBe('DENY');
		const frame = await request('researcher', 'GET', '/surveys/{surveyId}/preview/frame');
		expect(frame.status).toBe(200);
		expect(frame.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
		expect(frame.headers.get('content-security-policy')).not.toContain("frame-ancestors 'none'");
		expect(frame.headers.get('x-frame-options')).toBe('SAMEORIGIN');
	});
});
