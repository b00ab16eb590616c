// A campaign's channel on each engine: its invitations carry it, so a response through a campaign
// link is stored under it; the next wave keeps it; the campaigns page's rates count it per channel.
import { beforeEach, describe, expect, it } from 'vitest';
import { channelRates, createCampaign, sendCampaign, startNewWave, type CampaignInput } from '../../src/lib/server/campaigns';
import { submitResponse } from '../../src/lib/server/collection/submit';
import { importContacts, saveContactMappingChoices } from '../../src/lib/server/contacts';
import { JobWorker } from '../../src/lib/server/jobs/worker';
import { mailConfig } from '../../src/lib/server/mail/config';
import { createMailTransport, mailSendHandler } from '../../src/lib/server/mail/send-handler';
import { insertChannel } from '../../src/lib/server/repo/channels';
import type { Survey } from '../../src/lib/server/repo/surveys';
import { findUserById, type User } from '../../src/lib/server/repo/users';
import { createOpenSurvey } from './collection-fixtures';
import { oneChunk } from './data-fixtures';
import { engines, useTestDb } from './databases';

const origin = 'https://satindex.example';

beforeEach(() => {
	expect.hasAssertions();
});

const templates: CampaignInput['templates'] = {
	'zh-CN': { subject: '{name}，请评价我们的服务', body: '请作答：{link}' },
	en: { subject: 'How did we do, {name}?', body: 'Please answer: {link}' }
};

describe.each(engines)('campaign channels on %s', (engine) => {
	const t = useTestDb(engine);
	let owner: User;
	let survey: Survey;
	let panel = '';
	beforeEach(async () => {
		// Contacts are workspace-wide: each test mails its own panel of them.
		panel = `p${Math.random().toString(36).slice(2, 10)}`;
		survey = await createOpenSurvey(t.db);
		owner = (await findUserById(t.db, survey.ownerId))!;
		await insertChannel(t.db, survey.id, { code: 'mail', name: { 'zh-CN': '邮件', en: 'Email' } });
		await insertChannel(t.db, survey.id, { code: 'app', name: { 'zh-CN': '手机应用', en: 'App' } });
		await saveContactMappingChoices(t.db, owner, [['Panel', 'new']]);
		const rows = [1, 2, 3].map((n) => `${panel}-${n},${panel}-${n}@example.com,C${n},en,${panel}`);
		expect(await importContacts(t.db, { actor: owner, via: 'web', fileName: 'c.csv', source: oneChunk(`external_id,email,name,language,Panel\n${rows.join('\n')}\n`) })).toMatchObject({ ok: true });
	});
	const audience = () => ({ kind: 'attribute' as const, key: 'panel', value: panel });
	const create = async (name: string, channelCode: string | null) => {
		const created = await createCampaign(t.db, owner, survey.id, { name, audience: audience(), templates, channelCode });
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		return created.campaign;
	};
	/** Runs the outbox without SMTP: each message is kept in the app, which the campaign counts as sent. */
	const deliver = async () => {
		const config = mailConfig({ SATINDEX_MAIL_RATE: '0' });
		await new JobWorker(t.db, [mailSendHandler(t.db, createMailTransport(config), config)], { backoff: { baseMs: 0, maxMs: 0 } }).runBatch();
	};
	const tokensOf = async (campaignId: string) => (await t.db.selectFrom('campaign_recipients').select('invitation_id').where('campaign_id', '=', campaignId).orderBy('contact_id').execute()).map((r) => r.invitation_id!);

	it('stores a response through a campaign link under the campaign’s channel and counts it in that channel’s rates', async () => {
		const campaign = await create(`Mail ${panel}`, 'mail');
		expect(campaign.channelCode).toBe('mail');
		await sendCampaign(t.db, owner, campaign.id, origin);
		await deliver();
		const [token] = await tokensOf(campaign.id);
		const submitted = await submitResponse(t.db, { survey, raw: { Q1: '4', Q2: '5' }, source: 'web', invitationToken: token });
		expect(submitted).toMatchObject({ ok: true });
		const stored = await t.db.selectFrom('responses').select('channel_code').where('invitation_id', '=', token).executeTakeFirstOrThrow();
		expect(stored.channel_code).toBe('mail');

		// The next wave keeps the channel; a campaign under no channel counts apart.
		const next = await startNewWave(t.db, owner, campaign.id, `Mail ${panel} again`);
		expect(next).toMatchObject({ ok: true, campaign: { channelCode: 'mail' } });
		const plain = await create(`Plain ${panel}`, null);
		await sendCampaign(t.db, owner, plain.id, origin);
		await deliver();
		const rows = await channelRates(t.db, owner, survey.id);
		expect(rows.map((r) => [r.channel, r.counts.sent, r.counts.started, r.counts.completed, r.counts.responseRate])).toEqual([
			['mail', 3, 1, 1, 1 / 3],
			[null, 3, 0, 0, 0]
		]);
	});

	it('refuses a channel the survey does not have', async () => {
		const created = await createCampaign(t.db, owner, survey.id, { name: `Odd ${panel}`, audience: audience(), templates, channelCode: 'web' });
		expect(created).toEqual({ ok: false, errors: { channel: 'campaigns.error.channelUnknown' } });
	});
});
