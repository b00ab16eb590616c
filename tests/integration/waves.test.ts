// Panels and waves on each engine: a new wave re-fields a survey to the same contacts with new
// personal links; responses reach their contact through the invitation token, so the survey's
// wave migrations (counts only) and a contact's history (researchers only) follow them.
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { surveyWaveMigrations } from '../../src/lib/server/analysis/waves';
import { campaignReport, createCampaign, sendCampaign, startNewWave, type CampaignInput } from '../../src/lib/server/campaigns';
import { noteInvitationStart } from '../../src/lib/server/collection/questionnaire';
import { submitResponse } from '../../src/lib/server/collection/submit';
import { contactHistory, ContactsForbidden, importContacts, saveContactMappingChoices } from '../../src/lib/server/contacts';
import { WAVE_TAKEN } from '../../src/lib/server/campaigns/create';
import { insertCampaign } from '../../src/lib/server/repo/campaigns';
import type { Survey } from '../../src/lib/server/repo/surveys';
import { findUserById, insertUser, type User } from '../../src/lib/server/repo/users';
import type { SurveyDefinition } from '../../src/lib/survey/definition';
import { createOpenSurvey } from './collection-fixtures';
import { oneChunk } from './data-fixtures';
import { engines, useTestDb } from './databases';

const origin = 'https://satindex.example';
const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const zeroTen = { min: 0, max: 10 };
const panelDefinition: SurveyDefinition = {
	sections: [
		{
			code: 'S1',
			title: t('Overall', '总体'),
			items: [
				{ code: 'SAT', kind: 'rating', text: t('Satisfied?', '满意吗？'), required: true, scale: zeroTen, reversed: false, notApplicable: false },
				{ code: 'REC', kind: 'nps', text: t('Recommend us?', '会推荐吗？'), required: true, scale: zeroTen, reversed: false, notApplicable: false }
			]
		}
	]
};
const templates: CampaignInput['templates'] = {
	'zh-CN': { subject: '{name}，请评价', body: '请作答：{link}' },
	en: { subject: 'How did we do, {name}?', body: 'Please answer: {link}' }
};

beforeEach(() => {
	expect.hasAssertions();
});

describe.each(engines)('waves on %s', (engine) => {
	const db = useTestDb(engine);
	let owner: User;
	let survey: Survey;
	let panel = '';
	beforeEach(async () => {
		panel = `p${Math.random().toString(36).slice(2, 10)}`;
		survey = await createOpenSurvey(db.db, {}, {}, panelDefinition);
		owner = (await findUserById(db.db, survey.ownerId))!;
		await saveContactMappingChoices(db.db, owner, [['Panel', 'new']]);
		const rows = ['a', 'b', 'c'].map((k) => `${panel}-${k},${panel}-${k}@example.com,${k.toUpperCase()},en,${panel}`);
		expect(await importContacts(db.db, { actor: owner, via: 'web', fileName: 'c.csv', source: oneChunk(`external_id,email,name,language,Panel\n${rows.join('\n')}\n`) })).toMatchObject({ ok: true });
	});

	/** contact external id → its personal token in the campaign. */
	const tokens = async (campaignId: string) => {
		const rows = await db.db.selectFrom('campaign_recipients as r').innerJoin('contacts as c', 'c.id', 'r.contact_id').select(['c.external_id', 'r.invitation_id', 'c.id']).where('r.campaign_id', '=', campaignId).execute();
		return new Map(rows.map((r) => [r.external_id!.slice(panel.length + 1), { token: r.invitation_id!, contactId: r.id }]));
	};
	const answer = (token: string, sat: number, rec: number) => submitResponse(db.db, { survey, raw: { SAT: String(sat), REC: String(rec) }, source: 'web', invitationToken: token });

	async function twoWaves() {
		const first = await createCampaign(db.db, owner, survey.id, { name: `Spring ${panel}`, audience: { kind: 'attribute', key: 'panel', value: panel }, templates, reminderDays: [7] });
		if (!first.ok) throw new Error(JSON.stringify(first.errors));
		expect(await sendCampaign(db.db, owner, first.campaign.id, origin)).toMatchObject({ ok: true, queued: 3 });
		// A contact joining the attribute later is not part of the panel the next wave re-fields.
		expect(await importContacts(db.db, { actor: owner, via: 'web', fileName: 'd.csv', source: oneChunk(`external_id,email,name,language,Panel\n${panel}-d,${panel}-d@example.com,D,en,${panel}\n`) })).toMatchObject({ ok: true });
		const second = await startNewWave(db.db, owner, first.campaign.id, `Autumn ${panel}`);
		if (!second?.ok) throw new Error(JSON.stringify(second));
		expect(await sendCampaign(db.db, owner, second.campaign.id, origin)).toMatchObject({ ok: true, queued: 3 });
		return { first: first.campaign, second: second.campaign };
	}

	it('re-fields to the same contacts with new personal links, the same texts and reminders, as the next wave', async () => {
		const { first, second } = await twoWaves();
		expect([first.wave, second.wave]).toEqual([1, 2]);
		expect(second).toMatchObject({ audience: { kind: 'campaign', campaignId: first.id }, templates: first.templates, reminderDays: [7] });
		const [before, after] = [await tokens(first.id), await tokens(second.id)];
		expect([...after.keys()].sort()).toEqual(['a', 'b', 'c']);
		for (const [k, { token, contactId }] of after) expect([token !== before.get(k)!.token, contactId]).toEqual([true, before.get(k)!.contactId]);
		expect(await startNewWave(db.db, owner, 'no-such-campaign', 'x')).toBeUndefined();
		const other = await createOpenSurvey(db.db, {}, {}, panelDefinition);
		const foreign = await createCampaign(db.db, owner, other.id, { name: 'x', audience: { kind: 'campaign', campaignId: first.id }, templates });
		expect(foreign).toEqual({ ok: false, errors: { audience: 'campaigns.error.audienceUnknown' } });
	});

	it('answers two simultaneous starts of the next wave (two app processes) with the same one wave, never an error', async () => {
		const first = await createCampaign(db.db, owner, survey.id, { name: `Spring ${panel}`, audience: { kind: 'attribute', key: 'panel', value: panel }, templates });
		if (!first.ok) throw new Error(JSON.stringify(first.errors));
		const another = db.openAnother();
		try {
			const results = await Promise.all([startNewWave(db.db, owner, first.campaign.id, `Autumn ${panel}`), startNewWave(another, owner, first.campaign.id, `Autumn ${panel} (again)`)]);
			const [a, b] = results.map((r) => (r?.ok ? r.campaign.id : r));
			expect(a).toBe(b);
			const waves = await db.db.selectFrom('campaigns').select(['id', 'wave']).where('survey_id', '=', survey.id).orderBy('wave').execute();
			expect(waves).toEqual([
				{ id: first.campaign.id, wave: 1 },
				{ id: a, wave: 2 }
			]);
			// Two new campaigns at once (not waves of the same one): one gets the next wave, the other the plain refusal or the one after.
			const input = (name: string) => ({ name: `${name} ${panel}`, audience: { kind: 'attribute' as const, key: 'panel', value: panel }, templates });
			const pair = await Promise.all([createCampaign(db.db, owner, survey.id, input('Winter')), createCampaign(another, owner, survey.id, input('Summer'))]);
			const outcomes = pair.map((r) => (r.ok ? `wave ${r.campaign.wave}` : r.errors.form)).sort();
			expect([
				['campaigns.error.waveTaken', 'wave 3'],
				['wave 3', 'wave 4']
			]).toContainEqual(outcomes);
		} finally {
			await another.destroy();
		}
	});

	it.runIf(engine === 'postgres')('refuses plainly, without an error, a creation that waited for another holding the same wave number', async () => {
		const input = { name: `Racing ${panel}`, audience: { kind: 'attribute' as const, key: 'panel', value: panel }, templates };
		const holder = await db.db.startTransaction().execute();
		await insertCampaign(holder, { id: `held-${panel}`, surveyId: survey.id, name: `Held ${panel}`, audience: { kind: 'all' }, templates: {}, createdBy: null, createdAt: 0, sentAt: null, reminderDays: [], wave: 1, channelCode: null });
		const racing = createCampaign(db.db, owner, survey.id, input);
		// The racing insert read the last wave before the holder committed, and now waits on its row.
		const waiting = async () => (await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into "campaigns"%'`.execute(db.db)).rows[0].n;
		await expect.poll(waiting, { timeout: 10_000 }).toBeGreaterThan(0);
		await holder.commit().execute();
		expect(await racing).toEqual(WAVE_TAKEN);
	});

	it('counts moves between NPS groups and segments for contacts who answered both waves, and a contact’s history', async () => {
		expect(await surveyWaveMigrations(db.db, survey.id)).toBeNull();
		const { first, second } = await twoWaves();
		const [w1, w2] = [await tokens(first.id), await tokens(second.id)];
		await answer(w1.get('a')!.token, 9, 10); // apostle, promoter
		await answer(w1.get('b')!.token, 9, 8); // mercenary, passive
		await answer(w1.get('c')!.token, 3, 2); // only wave 1
		await answer(w2.get('a')!.token, 4, 3); // defector, detractor
		await answer(w2.get('b')!.token, 10, 9); // apostle, promoter
		const waves = (await surveyWaveMigrations(db.db, survey.id))!;
		expect(waves.items).toEqual({ recommend: 'REC', satisfaction: 'SAT', loyalty: 'REC' });
		expect(waves.waves.map((w) => [w.wave, w.name])).toEqual([[1, `Spring ${panel}`], [2, `Autumn ${panel}`]]);
		const [m] = waves.migrations;
		expect(m).toMatchObject({ from: 1, to: 2, panelists: 2 });
		expect(m.nps.counts).toEqual([[0, 0, 0], [0, 0, 1], [1, 0, 0]]);
		expect(m.segments!.counts).toEqual([[0, 0, 0, 1], [1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
		expect(JSON.stringify(waves)).not.toContain(`${panel}-a`);

		const history = await contactHistory(db.db, owner, w1.get('a')!.contactId);
		expect(history.map((h) => [h.wave, h.satisfactionScore, h.recommend, h.npsGroup, h.segment])).toEqual([
			[1, 90, 10, 'promoter', 'apostle'],
			[2, 40, 3, 'detractor', 'defector']
		]);
		const viewer = await insertUser(db.db, { email: `v-${panel}@example.com`, name: 'V', passwordHash: 'x', role: 'viewer' });
		await expect(contactHistory(db.db, viewer, w1.get('a')!.contactId)).rejects.toBeInstanceOf(ContactsForbidden);
		// A researcher without access to the survey sees none of its answers.
		const stranger = await insertUser(db.db, { email: `s-${panel}@example.com`, name: 'S', passwordHash: 'x', role: 'researcher' });
		expect(await contactHistory(db.db, stranger, w1.get('a')!.contactId)).toEqual([]);
	});

	it('counts a questionnaire as started at its first page step through the invitation, before it is submitted', async () => {
		const { second } = await twoWaves();
		const w2 = await tokens(second.id);
		await noteInvitationStart(db.db, survey.id, w2.get('a')!.token, 1_000);
		await noteInvitationStart(db.db, survey.id, w2.get('a')!.token, 2_000);
		await noteInvitationStart(db.db, survey.id, null);
		await answer(w2.get('b')!.token, 8, 8);
		const report = (await campaignReport(db.db, owner, second.id))!;
		expect(report.counts).toMatchObject({ started: 2, completed: 1 });
		const stamp = await db.db.selectFrom('invitations').select('started_at').where('id', '=', w2.get('a')!.token).executeTakeFirstOrThrow();
		expect(Number(stamp.started_at)).toBe(1_000);
	});
});
