// Bad input over plain HTTP against the built server: redirect targets that would leave the site
// are sent to the home page instead, never a 5xx.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/lib/server/auth/password';
import { createSession } from '../../src/lib/server/auth/session';
import { insertApiToken } from '../../src/lib/server/repo/api-tokens';
import { insertUser } from '../../src/lib/server/repo/users';
import { seedSurvey } from './respond-fixtures';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';

const password = 'a long test password';
const offSite = ['/\\evil.example', '/\t/evil.example', '/%09/evil.example', '/\\/evil.example', '//x', 'https://x', '///x', ' //x', '/\n/evil.example'];

describe('bad input over HTTP', () => {
	const database = tempDatabase('bad-input');
	const { db, dbPath } = database;
	let server: RunningServer;
	let researcher: { id: string; email: string; session: string; apiSecret: string };
	let surveyId: string;

	beforeAll(async () => {
		await database.migrate();
		const user = await insertUser(db, { email: 'researcher@example.com', name: 'R', passwordHash: await hashPassword(password), role: 'researcher' });
		const { token } = await createSession(db, user.id);
		const { secret } = await insertApiToken(db, { userId: user.id, name: 'bulk', scope: 'read-write' });
		researcher = { id: user.id, email: user.email, session: token, apiSecret: secret };
		surveyId = (await seedSurvey(db, { code: 'big' })).id;
		await db.updateTable('surveys').set({ owner_id: user.id }).where('id', '=', surveyId).execute();
		// As under `npm start`: the server's own limit is far above the app's form limits.
		server = await startServer({ dbPath, env: { BODY_SIZE_LIMIT: '100M' } });
	});
	afterAll(async () => {
		await closeAll({ server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	const formHeaders = (lang = 'en') => ({ origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie: `lang=${lang}` });
	const landing = (response: Response) => new URL(response.headers.get('location') ?? '', server.url);

	describe('redirect targets', () => {
		it.each(offSite)('stays on the site for %j on /login (GET signed in, POST) and /lang', async (target) => {
			const query = `?redirectTo=${encodeURIComponent(target)}`;
			const get = await fetch(`${server.url}/login${query}`, { redirect: 'manual', headers: { cookie: `session=${researcher.session}` } });
			const login = await fetch(`${server.url}/login`, {
				method: 'POST',
				redirect: 'manual',
				headers: formHeaders(),
				body: new URLSearchParams({ email: researcher.email, password, redirectTo: target })
			});
			const lang = await fetch(`${server.url}/lang`, { method: 'POST', redirect: 'manual', headers: formHeaders(), body: new URLSearchParams({ lang: 'en', redirectTo: target }) });
			for (const response of [get, login, lang]) {
				expect(response.status).toBe(303);
				// Resolved as the browser resolves a Location header (the WHATWG URL parser).
				expect(landing(response).origin).toBe(new URL(server.url).origin);
				expect(response.headers.get('location')).not.toMatch(/[\\\s]/);
			}
		});

		it('still goes back to a same-site page with its query', async () => {
			const lang = await fetch(`${server.url}/lang`, { method: 'POST', redirect: 'manual', headers: formHeaders(), body: new URLSearchParams({ lang: 'en', redirectTo: '/surveys?tab=open' }) });
			expect(landing(lang).href).toBe(`${server.url}/surveys?tab=open`);
		});
	});
});
