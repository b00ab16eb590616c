// API authorisation by token scope, role and sharing; revocation and deactivation take effect at
// once; rate limits; and the API operations (submission with the form's validation, cursor paging).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { engines, useTestDb } from './databases';
import { createDataSurvey } from './data-fixtures';
import { ApiError, apiSurvey, authenticateApi } from '../../src/lib/server/auth/api-tokens';
import { createResponse, listResponses } from '../../src/lib/server/data/api-operations';
import { decodeCursor, encodeCursor } from '../../src/lib/server/data/api-http';
import { createToken, revokeToken } from '../../src/lib/server/data/tokens';
import { listApiTokens } from '../../src/lib/server/repo/api-tokens';
import { insertChannel } from '../../src/lib/server/repo/channels';
import { insertUser, updateUser, type User } from '../../src/lib/server/repo/users';
import type { Survey } from '../../src/lib/server/repo/surveys';
import type { Role } from '../../src/lib/server/db/schema';

beforeEach(() => {
	expect.hasAssertions();
});

const request = (secret?: string) => new Request('http://localhost/api/v1/surveys', { headers: secret ? { authorization: `Bearer ${secret}` } : {} });
const unlimited = { max: 0, windowMs: 60_000 };

/** The ApiError status and code a call fails with. */
async function refusal(call: Promise<unknown>): Promise<string> {
	try {
		await call;
	} catch (e) {
		if (e instanceof ApiError) return `${e.status} ${e.code}`;
		throw e;
	}
	return 'no error';
}

describe.each(engines)('API on %s', (engine) => {
	const t = useTestDb(engine);
	const users = {} as Record<Role | 'stranger' | 'editor', User>;
	let survey: Survey;

	beforeAll(async () => {
		for (const role of ['admin', 'researcher', 'viewer', 'stranger', 'editor'] as const) {
			users[role] = await insertUser(t.db, { email: `${role}-${engine}@example.com`, name: role, passwordHash: 'x', role: role === 'stranger' || role === 'editor' ? 'researcher' : role });
		}
		survey = await createDataSurvey(t.db, users.researcher.id);
		const now = Date.now();
		await t.db.insertInto('survey_shares').values([
			{ survey_id: survey.id, user_id: users.viewer.id, access: 'edit', created_at: now },
			{ survey_id: survey.id, user_id: users.editor.id, access: 'edit', created_at: now }
		]).execute();
	});

	const secretFor = async (who: keyof typeof users, scope: 'read' | 'read-write' = 'read-write') => (await createToken(t.db, users[who], `${who} token`, scope)).secret;

	it('refuses requests without a token, with an unknown one, or with a read token for writes', async () => {
		expect(await refusal(authenticateApi(t.db, request(), 'read', unlimited))).toBe('401 unauthorized');
		expect(await refusal(authenticateApi(t.db, new Request('http://x', { headers: { authorization: 'Basic abc' } }), 'read', unlimited))).toBe('401 unauthorized');
		expect(await refusal(authenticateApi(t.db, request('sat_nope'), 'read', unlimited))).toBe('401 invalid_token');
		const read = await secretFor('researcher', 'read');
		expect((await authenticateApi(t.db, request(read), 'read', unlimited)).user.id).toBe(users.researcher.id);
		expect(await refusal(authenticateApi(t.db, request(read), 'read-write', unlimited))).toBe('403 insufficient_scope');
	});

	it.each([
		['admin', 'owner', 'owner'],
		['researcher', 'owner', 'owner'],
		['editor', 'edit', 'edit'],
		['viewer', 'view', '403 forbidden'],
		['stranger', '404 not_found', '404 not_found']
	] as const)('%s: reading gives %s, writing gives %s', async (who, read, write) => {
		const caller = await authenticateApi(t.db, request(await secretFor(who)), 'read-write', unlimited);
		const outcome = async (wanted: 'view' | 'edit') => {
			try {
				return (await apiSurvey(t.db, caller, survey.id, wanted)).access;
			} catch (e) {
				if (e instanceof ApiError) return `${e.status} ${e.code}`;
				throw e;
			}
		};
		// A viewer account reads even a survey shared for editing, and never writes.
		expect(await outcome('view')).toBe(read);
		expect(await outcome('edit')).toBe(write);
	});

	it('revocation and deactivation take effect on the very next request', async () => {
		const { token, secret } = await createToken(t.db, users.editor, 'to revoke', 'read');
		expect((await authenticateApi(t.db, request(secret), 'read', unlimited)).token.id).toBe(token.id);
		expect(await revokeToken(t.db, users.researcher, token.id)).toBeUndefined(); // not theirs
		expect(await revokeToken(t.db, users.editor, token.id)).toBe('to revoke');
		expect(await refusal(authenticateApi(t.db, request(secret), 'read', unlimited))).toBe('401 invalid_token');
		expect((await listApiTokens(t.db, users.editor.id)).find((x) => x.id === token.id)?.revokedAt).toEqual(expect.any(Number));

		const other = await secretFor('stranger', 'read');
		await updateUser(t.db, users.stranger.id, { active: false });
		expect(await refusal(authenticateApi(t.db, request(other), 'read', unlimited))).toBe('401 invalid_token');
		await updateUser(t.db, users.stranger.id, { active: true });
	});

	it('stores only the hash of a token and shows the secret once', async () => {
		const { secret } = await createToken(t.db, users.editor, 'hash check', 'read');
		const rows = await t.db.selectFrom('api_tokens').selectAll().where('user_id', '=', users.editor.id).execute();
		expect(JSON.stringify(rows)).not.toContain(secret);
		expect(JSON.stringify(await listApiTokens(t.db, users.editor.id))).not.toContain(secret.slice(4));
	});

	it('rate-limits each token', async () => {
		const secret = await secretFor('editor', 'read');
		const limit = { max: 2, windowMs: 60_000 };
		const now = 1_700_000_000_000;
		await authenticateApi(t.db, request(secret), 'read', limit, now);
		await authenticateApi(t.db, request(secret), 'read', limit, now + 1);
		expect(await refusal(authenticateApi(t.db, request(secret), 'read', limit, now + 2))).toBe('429 rate_limited');
		expect((await authenticateApi(t.db, request(secret), 'read', limit, now + 60_000)).user.id).toBe(users.editor.id);
	});

	it('validates submissions like the questionnaire and pages through them by cursor', async () => {
		expect(await refusal(createResponse(t.db, survey, { answers: { Q1: 9, Q2: 3 } }))).toBe('422 invalid_answers');
		expect(await refusal(createResponse(t.db, survey, { nope: 1 }))).toBe('400 invalid_body');
		for (let i = 1; i <= 5; i++) {
			const created = await createResponse(t.db, survey, { answers: { Q1: i, Q2: 3 }, language: 'en' });
			expect(created.answers).toEqual({ Q1: i, Q2: 3 });
		}
		const first = await listResponses(t.db, survey.id, null, 3);
		expect(first.responses).toHaveLength(3);
		const second = await listResponses(t.db, survey.id, decodeCursor(encodeCursor(first.next!)), 3);
		expect(second.responses.length).toBeGreaterThanOrEqual(2);
		expect(second.responses.map((r) => r.id)).not.toContain(first.responses[2].id);
		expect(second.responses.every((r) => r.source === 'api')).toBe(true);
		expect(await refusal(Promise.resolve().then(() => decodeCursor('garbage')))).toBe('400 invalid_cursor');
	});

	it('refuses a channel or language the survey does not have with 422, storing nothing', async () => {
		await insertChannel(t.db, survey.id, { code: 'web', name: { 'zh-CN': '网站', en: 'Website' } });
		const stored = async () => Number((await t.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('survey_id', '=', survey.id).executeTakeFirstOrThrow()).n);
		const before = await stored();
		const answers = { Q1: 4, Q2: 3 };
		const failure = async (body: unknown) => {
			try {
				await createResponse(t.db, survey, body);
			} catch (e) {
				if (e instanceof ApiError) return { status: e.status, code: e.code, details: e.details };
				throw e;
			}
			return 'stored';
		};
		expect(await failure({ answers, channel: 'nope', language: 'fr' })).toEqual({
			status: 422,
			code: 'invalid_metadata',
			details: {
				channel: { key: 'data.metadata.unknownChannel', message: expect.stringContaining('Distribute') },
				language: { key: 'data.metadata.unknownLanguage', message: expect.stringContaining('zh-CN, en') }
			}
		});
		expect(await failure({ answers, channel: 7 })).toMatchObject({ status: 400, code: 'invalid_body' });
		expect(await stored()).toBe(before);
		const created = await createResponse(t.db, survey, { answers, channel: 'web', language: 'EN' });
		const row = await t.db.selectFrom('responses').select(['channel_code', 'language']).where('id', '=', created.id).executeTakeFirstOrThrow();
		expect(row).toEqual({ channel_code: 'web', language: 'en' });
	});
});
