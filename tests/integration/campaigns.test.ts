// Email invitation campaigns on each engine: one mail job per recipient in the send's transaction,
// none added by a repeat, opted-out contacts recorded and never mailed, access by survey, and the
// campaign's counts from the outbox, the invitations and the stored responses.
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { CampaignForbidden, campaignCsv, campaignReport, createCampaign, previewCampaign, sendCampaign, type CampaignInput } from '../../src/lib/server/campaigns';
import { submitResponse } from '../../src/lib/server/collection/submit';
import { importContacts, optOut, saveContactMappingChoices } from '../../src/lib/server/contacts';
import { shareSurvey } from '../../src/lib/server/design/shares';
import { JobWorker } from '../../src/lib/server/jobs/worker';
import { mailConfig } from '../../src/lib/server/mail/config';
import type { OutgoingMail } from '../../src/lib/server/mail/message';
import { createMailTransport, mailSendHandler } from '../../src/lib/server/mail/send-handler';
import type { Survey } from '../../src/lib/server/repo/surveys';
import { findUserById, insertUser, type User } from '../../src/lib/server/repo/users';
import { startSmtpSink } from '../smtp-sink';
import { createOpenSurvey } from './collection-fixtures';
import { oneChunk } from './data-fixtures';
import { engines, useTestDb } from './databases';

const origin = 'https://satindex.example';

beforeEach(() => {
	expect.hasAssertions();
});

const templates: CampaignInput['templates'] = {
	'zh-CN': { subject: '{name}，请评价我们的服务', body: '{name}，您好！\n\n请在{closes}前作答：{link}' },
	en: { subject: 'How did we do, {name}?', body: 'Dear {name},\n\nPlease answer by {closes}: {link}' }
};

describe.each(engines)('campaigns on %s', (engine) => {
	const t = useTestDb(engine);
	let owner: User;
	let survey: Survey;
	let wave = '';
	beforeEach(async () => {
		// Contacts are workspace-wide: each test mails its own wave of them.
		wave = `w${Math.random().toString(36).slice(2, 10)}`;
		survey = await createOpenSurvey(t.db, { closes_at: Date.UTC(2030, 0, 31, 15, 0) });
		owner = (await findUserById(t.db, survey.ownerId))!;
		await saveContactMappingChoices(t.db, owner, [['Wave', 'new']]);
	});
	const importWave = async (rows: string[]) => {
		const result = await importContacts(t.db, { actor: owner, via: 'web', fileName: 'c.csv', source: oneChunk(`external_id,email,name,language,Tier,Wave\n${rows.map((r) => `${r},${wave}`).join('\n')}\n`) });
		expect(result).toMatchObject({ ok: true });
	};
	const newCampaign = async (actor = owner) => {
		const created = await createCampaign(t.db, actor, survey.id, { name: `Invite ${wave}`, audience: { kind: 'attribute', key: 'wave', value: wave }, templates });
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		return created.campaign;
	};
	const mailJobs = () => t.db.selectFrom('jobs').select(['dedupe_key', 'payload', 'state']).where('kind', '=', 'mail.send').where('dedupe_key', 'like', 'invitation:%').execute();
	const jobsFor = async (surveyId: string) => {
		const tokens = new Set((await t.db.selectFrom('invitations').select('id').where('survey_id', '=', surveyId).execute()).map((r) => `invitation:${r.id}`));
		return (await mailJobs()).filter((j) => tokens.has(j.dedupe_key!));
	};

	it('queues one message per contact with its own invitation, records opted-out contacts unmailed, and a repeat send adds none', async () => {
		await saveContactMappingChoices(t.db, owner, [['Tier', 'new']]);
		await importWave([`${wave}-1,${wave}-1@example.com,王芳,zh,core`, `${wave}-2,${wave}-2@example.com,Ann,en,general`, `${wave}-3,${wave}-3@example.com,Out,en,core`, `${wave}-4,,No mail,en,core`]);
		await optOut(t.db, { email: `${wave}-3@example.com` }, 'unsubscribe');
		const campaign = await newCampaign();
		expect(await sendCampaign(t.db, owner, campaign.id, origin)).toEqual({ ok: true, queued: 2, optedOut: 1, noEmail: 1 });
		const jobs = await jobsFor(survey.id);
		expect(jobs).toHaveLength(2);
		const mails = jobs.map((j) => JSON.parse(j.payload) as OutgoingMail);
		expect(mails.map((m) => m.to).sort()).toEqual([`${wave}-1@example.com`, `${wave}-2@example.com`]);
		const zh = mails.find((m) => m.locale === 'zh-CN')!;
		const token = jobs.find((j) => j.payload.includes('zh-CN'))!.dedupe_key!.slice('invitation:'.length);
		expect(zh.subject).toBe('王芳，请评价我们的服务');
		expect(zh.text).toContain(`${origin}/s/${survey.code}?t=${token}`);
		expect(zh.text).toContain('2030年1月31日'); // 15:00 UTC is 23:00 in Shanghai, the survey's zone
		expect(zh.text).toContain('（中国标准时间）');

		expect(await sendCampaign(t.db, owner, campaign.id, origin)).toEqual({ ok: true, queued: 0, optedOut: 0, noEmail: 0 });
		expect(await jobsFor(survey.id)).toHaveLength(2);
		await importWave([`${wave}-5,${wave}-5@example.com,Late,en,core`]);
		expect(await sendCampaign(t.db, owner, campaign.id, origin)).toMatchObject({ ok: true, queued: 1 });
		expect(await jobsFor(survey.id)).toHaveLength(3);
	});

	/** Makes the database refuse the mail job to `address`, as a process dying at that point would leave the send. */
	async function refuseJobTo(address: string | null) {
		if (engine === 'sqlite') {
			await sql`drop trigger if exists refuse_job`.execute(t.db);
			if (address) await sql.raw(`create trigger refuse_job before insert on jobs when new.payload like '%${address}%' begin select raise(abort, 'refused'); end`).execute(t.db);
			return;
		}
		await sql`drop trigger if exists refuse_job on jobs`.execute(t.db);
		if (!address) return;
		await sql.raw(`create or replace function refuse_job() returns trigger as $$ begin if new.payload like '%${address}%' then raise exception 'refused'; end if; return new; end $$ language plpgsql`).execute(t.db);
		await sql`create trigger refuse_job before insert on jobs for each row execute function refuse_job()`.execute(t.db);
	}

	it('leaves nothing of a send that fails half-way: no invitation, recipient or job, and the next send does it all', async () => {
		// Imported first, so listed last (newest first): the other messages are queued before it fails.
		await importWave([`${wave}-9,${wave}-boom@example.com,Boom,en,core`]);
		await importWave([`${wave}-1,${wave}-1@example.com,A,en,core`, `${wave}-2,${wave}-2@example.com,B,zh,core`]);
		const campaign = await newCampaign();
		await refuseJobTo(`${wave}-boom@`);
		await expect(sendCampaign(t.db, owner, campaign.id, origin)).rejects.toThrow();
		await refuseJobTo(null);
		expect(await jobsFor(survey.id)).toHaveLength(0);
		expect(await t.db.selectFrom('invitations').select('id').where('survey_id', '=', survey.id).execute()).toEqual([]);
		expect(await t.db.selectFrom('campaign_recipients').select('contact_id').where('campaign_id', '=', campaign.id).execute()).toEqual([]);
		expect(await t.db.selectFrom('campaigns').select('sent_at').where('id', '=', campaign.id).executeTakeFirst()).toEqual({ sent_at: null });
		expect(await sendCampaign(t.db, owner, campaign.id, origin)).toEqual({ ok: true, queued: 3, optedOut: 0, noEmail: 0 });
		expect(await jobsFor(survey.id)).toHaveLength(3);
	});

	it('refuses viewers and researchers without edit access to the survey, and lets a shared editor send', async () => {
		await importWave([`${wave}-1,${wave}-1@example.com,A,en,core`]);
		const stranger = await insertUser(t.db, { email: `s-${wave}@example.com`, name: 'S', passwordHash: 'x', role: 'researcher' });
		const viewer = await insertUser(t.db, { email: `v-${wave}@example.com`, name: 'V', passwordHash: 'x', role: 'viewer' });
		const editor = await insertUser(t.db, { email: `e-${wave}@example.com`, name: 'E', passwordHash: 'x', role: 'researcher' });
		await shareSurvey(t.db, owner, survey, viewer.email, 'edit');
		for (const actor of [stranger, viewer]) await expect(newCampaign(actor)).rejects.toBeInstanceOf(CampaignForbidden);
		const campaign = await newCampaign();
		for (const actor of [stranger, viewer]) {
			await expect(sendCampaign(t.db, actor, campaign.id, origin)).rejects.toBeInstanceOf(CampaignForbidden);
			await expect(campaignReport(t.db, actor, campaign.id)).rejects.toBeInstanceOf(CampaignForbidden);
		}
		expect(await jobsFor(survey.id)).toHaveLength(0);
		await shareSurvey(t.db, owner, survey, editor.email, 'edit');
		expect(await sendCampaign(t.db, editor, campaign.id, origin)).toMatchObject({ ok: true, queued: 1 });
	});

	it('refuses a template without the personal link, a taken name, and sending for a closed survey', async () => {
		const bad = await createCampaign(t.db, owner, survey.id, { name: ' ', audience: { kind: 'attribute', key: 'nope', value: 'x' }, templates: { ...templates, en: { subject: 'Hi', body: 'no link' } } });
		expect(bad).toEqual({ ok: false, errors: { name: 'campaigns.error.nameMissing', audience: 'campaigns.error.audienceUnknown', 'template.en': 'campaigns.template.linkMissing' } });
		const campaign = await newCampaign();
		expect(await createCampaign(t.db, owner, survey.id, { name: campaign.name, audience: { kind: 'all' }, templates })).toMatchObject({ ok: false, errors: { name: 'campaigns.error.nameTaken' } });
		await t.db.updateTable('surveys').set({ status: 'closed' }).where('id', '=', survey.id).execute();
		expect(await sendCampaign(t.db, { ...owner }, campaign.id, origin)).toEqual({ ok: false, reason: 'campaigns.error.surveyNotOpen' });
	});

	it('counts sent, failed with the server’s reason, opted out, started and completed, overall and by attribute', async () => {
		await saveContactMappingChoices(t.db, owner, [['Tier', 'new']]);
		await importWave([`${wave}-1,${wave}-1@example.com,=A1,en,core`, `${wave}-2,${wave}-2@example.com,B,en,core`, `${wave}-3,gone-${wave}@example.com,C,en,general`, `${wave}-4,${wave}-4@example.com,D,en,general`]);
		await optOut(t.db, { email: `${wave}-4@example.com` }, 'unsubscribe');
		const campaign = await newCampaign();
		await sendCampaign(t.db, owner, campaign.id, origin);
		const queued = await campaignReport(t.db, owner, campaign.id);
		expect(queued!.counts).toMatchObject({ recipients: 4, queued: 3, sent: 0, optedOut: 1 });

		const sink = await startSmtpSink({ refuse: (to) => (to.startsWith('gone') ? '550 5.1.1 No such mailbox' : null) });
		const config = mailConfig({ SMTP_URL: sink.url, SATINDEX_MAIL_RATE: '0' });
		const transport = createMailTransport(config);
		await new JobWorker(t.db, [mailSendHandler(t.db, transport, config)], { backoff: { baseMs: 0, maxMs: 0 } }).runBatch();
		transport?.close();
		await sink.close();
		const first = (await jobsFor(survey.id)).map((j) => ({ to: (JSON.parse(j.payload) as OutgoingMail).to, token: j.dedupe_key!.slice('invitation:'.length) })).find((m) => m.to === `${wave}-1@example.com`)!;
		expect(await submitResponse(t.db, { survey, raw: { Q1: '4', Q2: '5' }, source: 'web', invitationToken: first.token })).toMatchObject({ ok: true });

		const report = (await campaignReport(t.db, owner, campaign.id))!;
		expect(report.counts).toEqual({ recipients: 4, queued: 0, sent: 2, failed: 1, optedOut: 1, noEmail: 0, started: 1, completed: 1, responseRate: 0.5 });
		expect(report.failures).toEqual([{ name: 'C', email: `gone-${wave}@example.com`, reason: expect.stringContaining('550 5.1.1 No such mailbox') }]);
		const tier = report.byAttribute.find((b) => b.key === 'tier')!;
		expect(tier.values.map((v) => [v.value, v.counts.sent, v.counts.completed])).toEqual([
			['core', 2, 1],
			['general', 0, 0]
		]);
		const csv = campaignCsv(report, survey.settings.timeZone);
		expect(csv.split('\r\n')[0]).toBe('\uFEFFexternal_id,email,name,language,state,reason,started,completed,used_at');
		// A name a spreadsheet would run as a formula is neutralised, as in every export.
		expect(csv).toContain(`${wave}-1,${wave}-1@example.com,'=A1,en,sent,,1,1,`);
		expect((await previewCampaign(t.db, owner, campaign.id, origin))!.content.paragraphs[1]).toMatch(new RegExp(`${survey.code}:?`));
	});
});
