// Saved contact segments on each engine: saved under a unique name with its count, audited,
// researchers only, and chosen as a campaign's recipients (the campaign keeps the filter and the
// segment's name, so deleting the segment later changes nothing for it).
import { beforeEach, describe, expect, it } from 'vitest';
import { audienceSize, createCampaign, resolveAudience } from '../../src/lib/server/campaigns';
import { deleteSegment, saveSegment, savedSegmentsWithCounts } from '../../src/lib/server/contacts';
import { ensureContactAttribute, insertContact } from '../../src/lib/server/repo/contacts';
import { findUserById, insertUser } from '../../src/lib/server/repo/users';
import { createOpenSurvey } from './collection-fixtures';
import { engines, useTestDb } from './databases';

beforeEach(() => {
	expect.hasAssertions();
});

const templates = { 'zh-CN': { subject: '您好', body: '请作答：{link}' }, en: { subject: 'Hello', body: 'Please answer: {link}' } };

describe.each(engines)('saved contact segments on %s', (engine) => {
	const t = useTestDb(engine);

	it('saves a named filter, counts it, and gives it to a campaign as its audience', async () => {
		const survey = await createOpenSurvey(t.db);
		const owner = (await findUserById(t.db, survey.ownerId))!;
		await ensureContactAttribute(t.db, 'tier', 'Tier', 0);
		for (const [id, tier] of [['a', 'core'], ['b', 'core'], ['c', 'general']]) await insertContact(t.db, id, { externalId: id, email: `${id}@example.com`, name: id, language: 'en', attributes: { tier } }, null, 0);
		const saved = await saveSegment(t.db, owner, { name: ' Core customers ', key: 'tier', value: 'core' });
		expect(saved).toMatchObject({ ok: true, segment: { name: 'Core customers', key: 'tier', value: 'core' } });
		expect(await saveSegment(t.db, owner, { name: 'Core customers', key: 'nope', value: '' })).toEqual({ ok: false, errors: { name: 'segments.error.nameTaken', filter: 'segments.error.filter' } });
		expect((await savedSegmentsWithCounts(t.db, owner)).map((s) => [s.name, s.count])).toEqual([['Core customers', 2]]);
		if (!saved.ok) return;
		const audience = await resolveAudience(t.db, { kind: 'segment', segmentId: saved.segment.id });
		expect(audience).toEqual({ kind: 'attribute', key: 'tier', value: 'core', segment: 'Core customers' });
		expect(await audienceSize(t.db, audience!)).toBe(2);
		const created = await createCampaign(t.db, owner, survey.id, { name: 'Core wave', audience: { kind: 'segment', segmentId: saved.segment.id }, templates });
		expect(created).toMatchObject({ ok: true, campaign: { audience: { kind: 'attribute', key: 'tier', value: 'core', segment: 'Core customers' } } });
		expect(await deleteSegment(t.db, owner, saved.segment.id)).toBe(true);
		expect(await createCampaign(t.db, owner, survey.id, { name: 'Late wave', audience: { kind: 'segment', segmentId: saved.segment.id }, templates })).toMatchObject({ ok: false, errors: { audience: 'campaigns.error.audienceUnknown' } });
		const audit = await t.db.selectFrom('audit_log').select(['action', 'target']).where('action', 'like', 'contact-segment.%').orderBy('at').execute();
		expect(audit).toEqual([
			{ action: 'contact-segment.saved', target: saved.segment.id },
			{ action: 'contact-segment.deleted', target: saved.segment.id }
		]);
	});

	it('is for researchers and admins only', async () => {
		const viewer = await insertUser(t.db, { email: `viewer-${engine}@example.com`, name: 'V', passwordHash: 'x', role: 'viewer' });
		await expect(saveSegment(t.db, viewer, { name: 'x', key: 'tier', value: 'core' })).rejects.toThrow('errors.forbidden');
		await expect(savedSegmentsWithCounts(t.db, viewer)).rejects.toThrow('errors.forbidden');
	});
});
