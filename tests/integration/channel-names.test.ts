import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as channelNames from '../../migrations/2026_12_03_1700_channel_names';
import { addChannel } from '../../src/lib/server/collection/distribution';
import { listChannels } from '../../src/lib/server/repo/channels';
import { insertUser, type User } from '../../src/lib/server/repo/users';
import type { Survey } from '../../src/lib/server/repo/surveys';
import { randomToken } from '../../src/lib/server/ids';
import { createOpenSurvey } from './collection-fixtures';
import { engines, useTestDb } from './databases';

describe.each(engines)('channel names in two languages on %s', (engine) => {
	const t = useTestDb(engine);
	let owner: User;
	let survey: Survey;

	beforeAll(async () => {
		owner = await insertUser(t.db, { email: 'owner@example.com', name: 'Owner', passwordHash: 'x', role: 'researcher' });
		survey = await createOpenSurvey(t.db, { owner_id: owner.id });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	it('splits the demo’s channel names into their languages, and gives any other name to both', async () => {
		// Back to one name per channel, as before the migration, with what the demo used to store.
		await channelNames.down(t.db);
		const legacy = (code: string, name: string) => ({ id: randomToken(), survey_id: survey.id, code, name, created_at: 1 });
		await t.db.insertInto('channels' as never).values([legacy('BR-EAST', '城东支行 East branch'), legacy('lobby', '大堂')] as never).execute();
		await channelNames.up(t.db);
		const channels = await listChannels(t.db, survey.id);
		expect(channels.map((c) => [c.code, c.name])).toEqual([
			['BR-EAST', { 'zh-CN': '城东支行', en: 'East branch' }],
			['lobby', { 'zh-CN': '大堂', en: '大堂' }]
		]);
	});

	it('adds a channel named in one language or both, and refuses one without a name', async () => {
		expect(await addChannel(t.db, owner, survey, { code: 'web', name: { 'zh-CN': '网站', en: 'Website' } })).toEqual({ ok: true, value: undefined });
		expect(await addChannel(t.db, owner, survey, { code: 'app', name: { 'zh-CN': '', en: ' App ' } })).toEqual({ ok: true, value: undefined });
		expect(await addChannel(t.db, owner, survey, { code: 'none', name: { 'zh-CN': ' ', en: '' } })).toEqual({ ok: false, field: 'nameZh', reason: 'distribute.nameRequired' });
		const names = Object.fromEntries((await listChannels(t.db, survey.id)).map((c) => [c.code, c.name]));
		expect(names.web).toEqual({ 'zh-CN': '网站', en: 'Website' });
		expect(names.app).toEqual({ 'zh-CN': 'App', en: 'App' });
		expect(names.none).toBeUndefined();
	});
});
