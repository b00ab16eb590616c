// Campaign reminders on each engine, with the clock passed in: one `campaign.remind` job per delay
// for each contact mailed, and at run time none for a contact who answered, unsubscribed or was
// deleted; the rest get one reminder per delay in their language with the same personal link.
import { beforeEach, describe, expect, it } from 'vitest';
import { campaignRemindHandler, campaignReport, createCampaign, sendCampaign, type CampaignInput } from '../../src/lib/server/campaigns';
import { submitResponse } from '../../src/lib/server/collection/submit';
import { deleteContact, importContacts, optOut, saveContactMappingChoices } from '../../src/lib/server/contacts';
import { JobWorker } from '../../src/lib/server/jobs/worker';
import type { OutgoingMail } from '../../src/lib/server/mail/message';
import { findJob } from '../../src/lib/server/repo/jobs';
import type { Survey } from '../../src/lib/server/repo/surveys';
import { findUserById, type User } from '../../src/lib/server/repo/users';
import { createOpenSurvey } from './collection-fixtures';
import { oneChunk } from './data-fixtures';
import { engines, useTestDb } from './databases';

const origin = 'https://satindex.example';
const DAY = 86_400_000;

beforeEach(() => {
	expect.hasAssertions();
});

const templates: CampaignInput['templates'] = {
	'zh-CN': { subject: '{name}，请评价我们的服务', body: '{name}，您好！\n\n请作答：{link}' },
	en: { subject: 'How did we do, {name}?', body: 'Dear {name},\n\nPlease answer: {link}' }
};

describe.each(engines)('campaign reminders on %s', (engine) => {
	const t = useTestDb(engine);
	let owner: User;
	let survey: Survey;
	let wave = '';
	beforeEach(async () => {
		wave = `w${Math.random().toString(36).slice(2, 10)}`;
		survey = await createOpenSurvey(t.db, { closes_at: Date.UTC(2030, 0, 31, 15, 0) });
		owner = (await findUserById(t.db, survey.ownerId))!;
		await saveContactMappingChoices(t.db, owner, [['Wave', 'new']]);
		const rows = [`${wave}-answers,${wave}-a@example.com,Ann,en`, `${wave}-out,${wave}-o@example.com,Otto,en`, `${wave}-gone,${wave}-g@example.com,Gus,en`, `${wave}-zh,${wave}-z@example.com,王芳,zh`, `${wave}-en,${wave}-e@example.com,Eve,en`];
		const result = await importContacts(t.db, { actor: owner, via: 'web', fileName: 'c.csv', source: oneChunk(`external_id,email,name,language,Wave\n${rows.map((r) => `${r},${wave}`).join('\n')}\n`) });
		expect(result).toMatchObject({ ok: true });
	});
	const newCampaign = async (reminderDays: number[]) => {
		const created = await createCampaign(t.db, owner, survey.id, { name: `Invite ${wave}`, audience: { kind: 'attribute', key: 'wave', value: wave }, templates, reminderDays });
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		return created.campaign;
	};
	/** The wave's invitation tokens by external id (the contact's); read before a deletion forgets it. */
	const tokens = async () => new Map((await t.db.selectFrom('invitations').select(['id', 'external_id']).where('survey_id', '=', survey.id).execute()).map((r) => [r.external_id!.slice(wave.length + 1), r.id]));
	const reminderMails = async (token: Map<string, string>) => {
		const byToken = new Map([...token].map(([who, id]) => [id, who]));
		const jobs = await t.db.selectFrom('jobs').select(['dedupe_key', 'payload']).where('kind', '=', 'mail.send').where('dedupe_key', 'like', 'reminder:%').execute();
		return jobs
			.map((j) => ({ key: j.dedupe_key!.split(':'), mail: JSON.parse(j.payload) as OutgoingMail }))
			.filter(({ key }) => byToken.has(key[1]))
			.map(({ key, mail }) => ({ who: byToken.get(key[1])!, n: Number(key[2]), mail }))
			.sort((a, b) => a.who.localeCompare(b.who) || a.n - b.n);
	};
	const runRemindersAt = (now: number) => new JobWorker(t.db, [campaignRemindHandler(t.db)], { batchSize: 1_000 }).runBatch(now);

	it('reminds, once per delay and in their language, only contacts who neither answered nor unsubscribed', async () => {
		const sentAt = Date.now();
		const campaign = await newCampaign([5, 2]);
		expect(campaign.reminderDays).toEqual([2, 5]);
		expect(await sendCampaign(t.db, owner, campaign.id, origin, sentAt)).toMatchObject({ ok: true, queued: 5 });
		const token = await tokens();
		expect(await submitResponse(t.db, { survey, raw: { Q1: '4', Q2: '5' }, source: 'web', invitationToken: token.get('answers')! })).toMatchObject({ ok: true });
		await optOut(t.db, { email: `${wave}-o@example.com` }, 'unsubscribe');
		const gone = await t.db.selectFrom('contacts').select('id').where('external_id', '=', `${wave}-gone`).executeTakeFirstOrThrow();
		expect(await deleteContact(t.db, owner, gone.id)).toMatchObject({ ok: true });

		await runRemindersAt(sentAt + 2 * DAY - 1);
		expect(await reminderMails(token)).toEqual([]);
		await runRemindersAt(sentAt + 2 * DAY);
		expect((await reminderMails(token)).map((r) => [r.who, r.n])).toEqual([['en', 1], ['zh', 1]]);
		await runRemindersAt(sentAt + 5 * DAY);
		const reminders = await reminderMails(token);
		expect(reminders.map((r) => [r.who, r.n])).toEqual([['en', 1], ['en', 2], ['zh', 1], ['zh', 2]]);

		const zh = reminders.find((r) => r.who === 'zh')!.mail;
		expect(zh.locale).toBe('zh-CN');
		expect(zh.subject).toBe('提醒：王芳，请评价我们的服务');
		expect(zh.text).toContain('温馨提醒');
		expect(zh.text).toContain(`${origin}/s/${survey.code}?t=${token.get('zh')}`);
		const en = reminders.find((r) => r.who === 'en')!.mail;
		expect(en.subject).toBe('Reminder: How did we do, Eve?');
		expect(en.text).toContain(`${origin}/s/${survey.code}?t=${token.get('en')}`);

		const report = (await campaignReport(t.db, owner, campaign.id))!;
		expect(report.reminders).toEqual({ days: [2, 5], waiting: 0, sent: 4, answered: 2, optedOut: 4 });
	});

	it('queues the reminder once when its job runs twice', async () => {
		const sentAt = Date.now();
		const campaign = await newCampaign([3]);
		await sendCampaign(t.db, owner, campaign.id, origin, sentAt);
		const token = await tokens();
		const remind = await t.db.selectFrom('jobs').select('id').where('kind', '=', 'campaign.remind').where('dedupe_key', '=', `remind:${token.get('zh')}:1`).executeTakeFirstOrThrow();
		const job = (await findJob(t.db, remind.id))!;
		const handler = campaignRemindHandler(t.db);
		for (let run = 0; run < 2; run++) {
			const outcome = await handler.run(job);
			expect(outcome.state).toBe('done');
			await t.db.transaction().execute(async (trx) => outcome.alongside?.(trx));
		}
		expect((await reminderMails(token)).map((r) => [r.who, r.n])).toEqual([['zh', 1]]);
	});

	it('refuses reminder delays that are not up to three different whole days', async () => {
		for (const reminderDays of [[1, 2, 3, 4], [0], [2, 2], [1.5], [Number.NaN], [91]]) {
			const created = await createCampaign(t.db, owner, survey.id, { name: `Invite ${wave}`, audience: { kind: 'all' }, templates, reminderDays });
			expect(created).toEqual({ ok: false, errors: { reminders: 'campaigns.error.reminderDays' } });
		}
	});
});
