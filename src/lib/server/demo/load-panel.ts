// The bank demo's customer panel, loaded through the same services people use: the contacts, then
// each wave created (the second re-fields the first) and sent through the outbox (without SMTP_URL
// the messages are kept, readable under Admin → Mail), then the panel's responses stored through
// their personal invitations, so campaign response rates and wave migrations show on first run.
// The panel's tier and region are marked as report segments and each response carries its
// contact's attributes, as a response through a personal link does, so the demo report filters by
// tier ("which customers are we losing — core or general?") from the store's segment cells.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createCampaign, defaultTemplates, sendCampaign, startNewWave, type CampaignActor, type CreateCampaignResult } from '../campaigns';
import { randomToken } from '../ids';
import { insertResponsesInBulk } from '../repo/analysis-store';
import { listRecipientRows, type Campaign } from '../repo/campaigns';
import { ensureContactAttribute, findContactsByIdentity, insertContact, listContactAttributes } from '../repo/contacts';
import { markSegmentAttributes } from '../contacts';
import { markInvitationStarted, markInvitationUsed } from '../repo/invitations';
import type { Survey } from '../repo/surveys';
import { PANEL_VALUE, type DemoPanel, type DemoSurvey } from '../../demo';

type Db = Kysely<Database>;
/** How long before submitting a panelist opened the questionnaire: a typical filling time. */
const FILL_MS = 6 * 60_000;

async function insertPanelContacts(db: Db, panel: DemoPanel, now: number): Promise<void> {
	await db.transaction().execute(async (trx) => {
		for (const a of panel.attributes) await ensureContactAttribute(trx, a.key, a.label, now);
		// A workspace that already holds these customers (a second demo load) keeps them as they are.
		const known = await findContactsByIdentity(trx, panel.contacts.map((c) => c.externalId), panel.contacts.map((c) => c.email));
		const taken = new Set(known.flatMap((c) => [c.externalId, c.email]));
		for (const c of panel.contacts.filter((c) => !taken.has(c.externalId) && !taken.has(c.email))) {
			await insertContact(trx, randomToken(), { externalId: c.externalId, email: c.email, name: c.name, language: c.language, attributes: c.attributes }, null, now);
		}
	});
}

/** Adds the panel's segment attributes to those the workspace already marks (a no-op on a second load). */
async function markPanelSegments(db: Db, admin: CampaignActor, panel: DemoPanel, now: number): Promise<void> {
	const marked = (await listContactAttributes(db)).filter((a) => a.segment).map((a) => a.key);
	const marking = await markSegmentAttributes(db, admin, [...new Set([...marked, ...panel.attributes.filter((a) => a.segment).map((a) => a.key)])], now);
	if (!marking.ok) throw new Error(`demo panel segments: ${marking.reason}`);
}

/** The wave's responses (with their contact's attributes) and starts, each through its panelist's invitation, in one transaction. */
async function answerWave(db: Db, survey: Survey, demo: DemoSurvey, campaign: Campaign, wave: number): Promise<void> {
	const invited = new Map((await listRecipientRows(db, campaign.id)).flatMap((r) => (r.invitationId ? [[r.externalId, { invitationId: r.invitationId, contactValues: r.attributes }] as const] : [])));
	const answered = demo.responses.flatMap((r) => (r.panel?.wave === wave && invited.has(r.panel.contact) ? [{ ...r, ...invited.get(r.panel.contact)! }] : []));
	const started = demo.panel!.startedOnly.flatMap((s) => (s.wave === wave && invited.has(s.contact) ? [invited.get(s.contact)!.invitationId] : []));
	await db.transaction().execute(async (trx) => {
		await insertResponsesInBulk(trx, survey.id, answered.map((r) => ({ ...r, versionId: survey.currentVersionId! })), randomToken);
		for (const r of answered) {
			await markInvitationStarted(trx, survey.id, r.invitationId, r.submittedAt - FILL_MS);
			await markInvitationUsed(trx, survey.id, r.invitationId, r.submittedAt);
		}
		for (const token of started) await markInvitationStarted(trx, survey.id, token, campaign.sentAt! + FILL_MS);
	});
}

/** Loads the demo survey's panel (if it has one) into `survey`: contacts, waves sent, responses. */
export async function loadDemoPanel(db: Db, admin: CampaignActor, survey: Survey, demo: DemoSurvey, origin: string, now = Date.now()): Promise<void> {
	const panel = demo.panel;
	if (!panel) return;
	await insertPanelContacts(db, panel, now);
	await markPanelSegments(db, admin, panel, now);
	const audience = { kind: 'attribute' as const, key: 'panel', value: PANEL_VALUE };
	let previous: Campaign | null = null;
	for (const [i, wave] of panel.waves.entries()) {
		const name = `${wave.name['zh-CN']} · ${wave.name.en}`;
		const created: CreateCampaignResult | undefined = previous
			? await startNewWave(db, admin, previous.id, name, wave.sentAt)
			: await createCampaign(db, admin, survey.id, { name, audience, templates: defaultTemplates(survey.settings.languages) }, wave.sentAt);
		if (!created?.ok) throw new Error(`demo wave ${i + 1}: ${JSON.stringify(created)}`);
		const sent = await sendCampaign(db, admin, created.campaign.id, origin, wave.sentAt);
		if (!sent.ok) throw new Error(`demo wave ${i + 1}: ${sent.reason}`);
		const campaign: Campaign = { ...created.campaign, sentAt: wave.sentAt };
		await answerWave(db, survey, demo, campaign, i + 1);
		previous = campaign;
	}
}
