// Bad input over plain HTTP against the built server: redirect targets that would leave the site,
// a password reset link used twice, posts over the size limits however they are framed, and
// client errors (415, 404 on downloads) — each gets a clear, localised answer and never a 5xx.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issuePasswordReset } from '../../src/lib/server/auth/accounts';
import { hashPassword } from '../../src/lib/server/auth/password';
import { createSession } from '../../src/lib/server/auth/session';
import { insertApiToken } from '../../src/lib/server/repo/api-tokens';
import { insertUser } from '../../src/lib/server/repo/users';
import { seedSurvey } from './respond-fixtures';
import { closeAll, tempDatabase } from './harness';
import { rawPost } from './raw-http';
import { startServer, type RunningServer } from './server';

const password = 'a long test password';
const offSite = ['/\\evil.example', '/\t/evil.example', '/%09/evil.example', '/\\/evil.example', '//x', 'https://x', '///x', ' //x', '/\n/evil.example'];
const framings = ['length', 'chunked'] as const;
const locales = [
	{ lang: 'en', tooLarge: 'This response is too large to accept.', formTooLarge: 'What you sent is too large to accept.', notFound: 'This page does not exist.' },
	{ lang: 'zh-CN', tooLarge: '提交的内容过大，无法接收。', formTooLarge: '发送的内容过大，无法接收。', notFound: '页面不存在。' }
] as const;

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
	const heading = (page: string) => page.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1];
	const stored = async () => (await db.selectFrom('responses').select('id').where('survey_id', '=', surveyId).execute()).length;

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

	describe('password reset link', () => {
		it.each(locales)('says the new password is saved ($lang), links to log in, and refuses a second use', async ({ lang }) => {
			const user = await insertUser(db, { email: `forgetful-${lang}@example.com`, name: 'F', passwordHash: 'x', role: 'viewer' });
			const issued = await issuePasswordReset(db, { id: 'admin', email: 'admin@example.com' }, user.id);
			if (!issued.ok) throw new Error(issued.reason);
			const send = () =>
				fetch(`${server.url}/reset/${issued.value}`, { method: 'POST', redirect: 'manual', headers: formHeaders(lang), body: new URLSearchParams({ password, confirm: password }) });
			const first = await send();
			expect(first.status).toBe(303);
			const done = await fetch(landing(first), { headers: { cookie: `lang=${lang}` } });
			const page = await done.text();
			expect(page).toContain(lang === 'en' ? 'Your password is changed. You can log in now.' : '密码已修改，现在可以登录了。');
			expect(page).toContain('<form method="POST"');
			const second = await send();
			expect(second.status).toBeGreaterThanOrEqual(400);
			expect(second.status).toBeLessThan(500);
			expect(await second.text()).toContain(lang === 'en' ? 'already been used or has expired' : '已被使用或已过期');
		});
	});

	describe('posts over the size limits', () => {
		it.each(framings)('answers a questionnaire post over 256 KB with the localised 413 page (%s)', async (framing) => {
			for (const { lang, tooLarge } of locales) {
				const body = new URLSearchParams({ intent: 'submit', lang, 'a.NOTE': 'x'.repeat(300 * 1024) }).toString();
				const response = await rawPost(`${server.url}/s/big?/step&lang=${lang}`, body, framing, formHeaders(lang));
				expect(response.status).toBe(413);
				expect(response.text).toContain(tooLarge);
			}
			expect(await stored()).toBe(0);
		});

		it.each(framings)('answers other forms over 4 MB with the localised 413 page (%s)', async (framing) => {
			const padding = 'x'.repeat(5 * 1024 * 1024);
			for (const { lang, formTooLarge } of locales) {
				const login = await rawPost(`${server.url}/login`, new URLSearchParams({ email: researcher.email, password: padding }).toString(), framing, formHeaders(lang));
				const switcher = await rawPost(`${server.url}/lang`, new URLSearchParams({ lang, redirectTo: '/', padding }).toString(), framing, formHeaders(lang));
				for (const response of [login, switcher]) {
					expect(response.status).toBe(413);
					expect(response.text).toContain(formTooLarge);
				}
			}
		});

		it.each(framings)('answers an API body over 4 MB with 413 in the API error shape (%s)', async (framing) => {
			const body = JSON.stringify({ answers: { NOTE: 'x'.repeat(5 * 1024 * 1024) }, language: 'en' });
			const headers = { authorization: `Bearer ${researcher.apiSecret}`, 'content-type': 'application/json' };
			const response = await rawPost(`${server.url}/api/v1/surveys/${surveyId}/responses`, body, framing, headers);
			expect(response.status).toBe(413);
			expect(JSON.parse(response.text).error.code).toBe('too_large');
			expect(await stored()).toBe(0);
		});

		it.each(framings)("answers a file upload past the server's BODY_SIZE_LIMIT with the import page's 413 message (%s)", async (framing) => {
			const small = await startServer({ dbPath, env: { BODY_SIZE_LIMIT: '1M' } });
			try {
				const boundary = 'satindex-upload';
				const csv = 'Q1\n4\n'.repeat(400_000);
				const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="old.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
				const headers = { origin: small.url, accept: 'text/html', cookie: `lang=en; session=${researcher.session}`, 'content-type': `multipart/form-data; boundary=${boundary}` };
				const response = await rawPost(`${small.url}/surveys/${surveyId}/data?/import`, body, framing, headers);
				expect(response.status).toBe(413);
				expect(response.text).toContain('<p class="alert error" role="alert">The file is larger than this server accepts for uploads');
				expect(await stored()).toBe(0);
			} finally {
				await small.stop();
			}
		});
	});

	describe('client errors', () => {
		const noBody = (lang: string) => fetch(`${server.url}/login`, { method: 'POST', headers: { accept: 'text/html', cookie: `lang=${lang}` } });
		it('answers a form post without a body with a localised 415 page that names the problem, logged in one line', async () => {
			const english = await noBody('en');
			expect(english.status).toBe(415);
			const page = await english.text();
			expect(heading(page)).toBe('The form arrived in a way this page cannot read. Reload the page and send it again.');
			expect(page).not.toContain('errorId');
			expect(heading(await (await noBody('zh-CN')).text())).toBe('表单没有以本页能读取的方式送达。请刷新页面后重新提交。');
			const lines = server.output().split('\n');
			const logged = lines.findIndex((line) => line.includes('POST /login → 415'));
			expect(logged).toBeGreaterThanOrEqual(0);
			expect(lines[logged + 1] ?? '').not.toMatch(/^\s+at /);
		});

		const downloads = [
			'/surveys/nope/data/export',
			'/surveys/nope/data/runs/nope/report.csv',
			'/surveys/nope/distribute/invitations.csv',
			'/surveys/nope/report/report.csv',
			'/surveys/nope/report/report.json',
			'/systems/nope/ahp/nope/judgments.csv',
			'/systems/nope/ahp/nope/results.csv',
			'/s/nope/qr.svg'
		];
		it.each(downloads)('answers a download of nothing (%s) with a localised 404 page, not a message key', async (path) => {
			for (const { lang, notFound } of locales) {
				const response = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html', cookie: `lang=${lang}; session=${researcher.session}` } });
				expect(response.status).toBe(404);
				const text = await response.text();
				expect(text).not.toContain('errors.');
				expect(text).toMatch(new RegExp(`<title>[^<]*${notFound}`));
			}
		});
	});
});
