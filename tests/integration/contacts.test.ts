// The workspace contact list on each engine: import all or nothing, re-import in place, opt-out
// that no import undoes (not even after deletion), deletion that keeps responses but not identity,
// and viewers refused by every service.
import { beforeEach, describe, expect, it } from 'vitest';
import { submitResponse } from '../../src/lib/server/collection/submit';
import { ContactsForbidden, contactsPage, deleteContact, importContacts, isOptedOut, optOut, saveContactMappingChoices, updateContact, type ContactActor } from '../../src/lib/server/contacts';
import { findContactByEmail } from '../../src/lib/server/repo/contacts';
import { insertInvitations } from '../../src/lib/server/repo/invitations';
import { insertUser } from '../../src/lib/server/repo/users';
import { createDataSurvey, oneChunk } from './data-fixtures';
import { engines, useTestDb } from './databases';

beforeEach(() => {
	expect.hasAssertions();
});

describe.each(engines)('contacts on %s', (engine) => {
	const t = useTestDb(engine);
	let researcher: ContactActor;
	let viewer: ContactActor;
	let n = 0;
	beforeEach(async () => {
		// Each test gets its own users; contacts are workspace-wide, so tests use distinct identities.
		n++;
		researcher = await insertUser(t.db, { email: `r${n}@example.com`, name: 'R', passwordHash: 'x', role: 'researcher' });
		viewer = await insertUser(t.db, { email: `v${n}@example.com`, name: 'V', passwordHash: 'x', role: 'viewer' });
	});
	const importText = (csv: string | Uint8Array, actor = researcher) => importContacts(t.db, { actor, via: 'web', fileName: 'contacts.csv', source: oneChunk(csv) });
	const auditCount = async (action: string) => Number((await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action).executeTakeFirstOrThrow()).n);

	it('imports new contacts with mapped attributes, then updates them in place on re-import', async () => {
		expect(await saveContactMappingChoices(t.db, researcher, [['Tier', 'new'], ['Notes', '']])).toMatchObject({ ok: true, mapping: { Tier: 'attr:tier', Notes: '' } });
		const first = await importText('external_id,email,name,language,Tier,Notes\nA1,Wang@Example.com,王芳,zh,core,x\nA2,li@example.com,Li,en,general,\n');
		expect(first).toMatchObject({ ok: true, rows: 2, created: 2, updated: 0 });
		const again = await importText('email,name,Tier\nwang@example.com,王芳芳,general\nnew@example.com,New,\n');
		expect(again).toMatchObject({ ok: true, created: 1, updated: 1 });
		const wang = await findContactByEmail(t.db, 'wang@example.com');
		expect(wang).toMatchObject({ externalId: 'A1', name: '王芳芳', language: 'zh-CN', attributes: { tier: 'general' } });
		const page = await contactsPage(t.db, researcher, { attribute: { key: 'tier', value: 'general' }, limit: 10 });
		expect(page.contacts.map((c) => c.email).sort()).toEqual(['li@example.com', 'wang@example.com']);
		expect(page.attributes.map((a) => a.key)).toContain('tier');
		expect(await auditCount('contacts.imported')).toBeGreaterThanOrEqual(2);
	});

	it('stores nothing from a file with a bad row, and reports rows that clash with stored contacts', async () => {
		expect(await importText('external_id,email,language\nB1,b1@example.com,en\nB2,broken,en\nB3,b3@example.com,fr\n')).toMatchObject({ ok: false, kind: 'invalid', errorCount: 2 });
		expect(await findContactByEmail(t.db, 'b1@example.com')).toBeUndefined();
		expect(await importText('external_id,email\nB1,b1@example.com\nB2,b2@example.com\n')).toMatchObject({ ok: true, created: 2 });
		const clash = await importText('external_id,email\nB1,b2@example.com\nB9,b9@example.com\n');
		expect(clash).toMatchObject({ ok: false, kind: 'invalid', errors: [{ row: 2, column: 'email', reason: { code: 'contacts.import.emailTaken' } }] });
		expect(await findContactByEmail(t.db, 'b9@example.com')).toBeUndefined();
	});

	it('keeps an opt-out whatever a later import says, even after the contact was deleted and imported again', async () => {
		await importText('external_id,email,name\nC1,c1@example.com,Chen\n');
		const contact = (await findContactByEmail(t.db, 'c1@example.com'))!;
		expect(await isOptedOut(t.db, { contactId: contact.id })).toBe(false);
		expect(await optOut(t.db, { email: ' C1@Example.com ' }, 'unsubscribe')).toEqual({ ok: true, contactId: contact.id });
		expect(await importText('external_id,email,name\nC1,c1@example.com,Chen Again\n')).toMatchObject({ ok: true, updated: 1 });
		expect(await findContactByEmail(t.db, 'c1@example.com')).toMatchObject({ name: 'Chen Again', optedOutAt: expect.any(Number) });
		expect(await deleteContact(t.db, researcher, contact.id)).toMatchObject({ ok: true });
		expect(await importText('email,name\nc1@example.com,Chen Reborn\n')).toMatchObject({ ok: true, created: 1 });
		const reborn = (await findContactByEmail(t.db, 'c1@example.com'))!;
		expect(reborn.id).not.toBe(contact.id);
		expect(reborn.optedOutAt).not.toBeNull();
		expect(await isOptedOut(t.db, { email: 'c1@example.com' })).toBe(true);
	});

	it('deletes a contact: personal data gone, responses kept without a way back to the person', async () => {
		const survey = await createDataSurvey(t.db);
		await importText('external_id,email,name\nD1,d1@example.com,Deng\n');
		const [invitation] = await insertInvitations(t.db, survey.id, ['D1'], { batch: 'wave 1', channelCode: null });
		const stored = await submitResponse(t.db, { survey, raw: { Q1: '4', Q2: '5' }, source: 'web', invitationToken: invitation.token });
		expect(stored).toMatchObject({ ok: true });
		const contact = (await findContactByEmail(t.db, 'd1@example.com'))!;
		expect(await deleteContact(t.db, researcher, contact.id)).toEqual({ ok: true, invitationsUnlinked: 1 });
		expect(await t.db.selectFrom('contacts').selectAll().where('id', '=', contact.id).execute()).toEqual([]);
		const responses = await t.db.selectFrom('responses').leftJoin('invitations', 'invitations.id', 'responses.invitation_id').select(['responses.id', 'invitations.external_id']).where('responses.survey_id', '=', survey.id).execute();
		expect(responses).toEqual([{ id: expect.any(String), external_id: null }]);
		const audit = await t.db.selectFrom('audit_log').select(['target', 'detail']).where('action', '=', 'contact.deleted').where('target', '=', contact.id).executeTakeFirstOrThrow();
		expect(JSON.stringify(audit)).not.toMatch(/d1@example|Deng|D1/);
		expect(await deleteContact(t.db, researcher, contact.id)).toEqual({ ok: false, reason: 'notFound' });
	});

	it('edits a contact by the import’s rules without touching its opt-out, and refuses another contact’s email', async () => {
		await importText('external_id,email\nE1,e1@example.com\nE2,e2@example.com\n');
		const e1 = (await findContactByEmail(t.db, 'e1@example.com'))!;
		await optOut(t.db, { contactId: e1.id }, researcher);
		const form = { externalId: 'E1', name: 'Ede', email: 'E2@example.com', language: 'en', attributes: {} };
		expect(await updateContact(t.db, researcher, e1.id, form)).toEqual({ ok: false, reason: 'invalid', errors: { email: 'contacts.import.emailTaken' } });
		expect(await updateContact(t.db, researcher, e1.id, { ...form, email: 'not an email' })).toMatchObject({ errors: { email: 'contacts.import.badEmail' } });
		expect(await updateContact(t.db, researcher, e1.id, { ...form, email: 'e1.new@example.com' })).toEqual({ ok: true });
		expect(await findContactByEmail(t.db, 'e1.new@example.com')).toMatchObject({ name: 'Ede', language: 'en', optedOutAt: expect.any(Number) });
	});

	it('refuses a viewer in every contact service', async () => {
		await importText('external_id,email\nF1,f1@example.com\n');
		const f1 = (await findContactByEmail(t.db, 'f1@example.com'))!;
		await expect(importText('external_id\nF2\n', viewer)).rejects.toBeInstanceOf(ContactsForbidden);
		await expect(contactsPage(t.db, viewer, { limit: 10 })).rejects.toBeInstanceOf(ContactsForbidden);
		await expect(deleteContact(t.db, viewer, f1.id)).rejects.toBeInstanceOf(ContactsForbidden);
		await expect(optOut(t.db, { contactId: f1.id }, viewer)).rejects.toBeInstanceOf(ContactsForbidden);
		await expect(updateContact(t.db, viewer, f1.id, { externalId: 'F1', name: '', email: '', language: '', attributes: {} })).rejects.toBeInstanceOf(ContactsForbidden);
		await expect(saveContactMappingChoices(t.db, viewer, [['X', '']])).rejects.toBeInstanceOf(ContactsForbidden);
		expect(await findContactByEmail(t.db, 'f1@example.com')).toMatchObject({ optedOutAt: null });
	});

	it('pages through contacts newest first by keyset, with search', async () => {
		const rows = Array.from({ length: 5 }, (_, i) => `G${i},g${i}@paging.example.com,Guo ${i}`).join('\n');
		await importText(`external_id,email,name\n${rows}\n`);
		const seen: string[] = [];
		let after = null;
		for (let i = 0; i < 4; i++) {
			const page: Awaited<ReturnType<typeof contactsPage>> = await contactsPage(t.db, researcher, { search: 'PAGING.example', after, limit: 2 });
			seen.push(...page.contacts.map((c) => c.externalId!));
			after = page.next;
			if (!after) break;
		}
		expect(seen.sort()).toEqual(['G0', 'G1', 'G2', 'G3', 'G4']);
	});
});
