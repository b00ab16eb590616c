// Who sees what on the dashboard: a viewer only the surveys shared with them, a researcher their
// own, an admin all; the weight method is only stored when it can apply.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDashboard } from '../../src/lib/server/analysis/dashboard';
import { chooseWeightMethod } from '../../src/lib/server/analysis/preferences';
import { buildSurveyReport } from '../../src/lib/server/analysis/report';
import { loadDemoWorkspace } from '../../src/lib/server/demo/load-demo';
import { findWeightMethod } from '../../src/lib/server/repo/analysis-store';
import { deleteShare, listShares } from '../../src/lib/server/repo/surveys';
import { insertUser, type User } from '../../src/lib/server/repo/users';
import { engines, useTestDb } from './databases';

beforeEach(() => {
	expect.hasAssertions();
});

describe.each(engines)('dashboard access on %s', (engine) => {
	const t = useTestDb(engine);
	const users = {} as Record<'admin' | 'researcher' | 'viewer' | 'outsider', User>;
	let bank: string;
	let ecsi: string;

	beforeAll(async () => {
		for (const role of ['admin', 'researcher', 'viewer'] as const) users[role] = await insertUser(t.db, { email: `${role}@example.com`, name: role, passwordHash: 'x', role });
		[bank, ecsi] = await loadDemoWorkspace(t.db, users.admin);
		users.outsider = await insertUser(t.db, { email: 'late@example.com', name: 'late', passwordHash: 'x', role: 'viewer' });
		await deleteShare(t.db, ecsi, users.viewer.id);
	});

	it('shows a viewer only the surveys shared with them', async () => {
		expect((await listShares(t.db, bank)).map((s) => s.userId)).toEqual([users.viewer.id]);
		const viewer = await buildDashboard(t.db, users.viewer);
		expect(viewer.cards.map((c) => c.id)).toEqual([bank]);
		expect(viewer.weakest.every((w) => w.surveyId === bank)).toBe(true);
		expect((await buildDashboard(t.db, users.outsider)).cards).toEqual([]);
		expect((await buildDashboard(t.db, users.researcher)).cards).toEqual([]);
		const all = await buildDashboard(t.db, users.admin);
		expect(all.cards.map((c) => c.id).sort()).toEqual([bank, ecsi].sort());
		expect(all.weakest).toHaveLength(3);
	});

	it('gives each card the latest quarterly CSI of its report', async () => {
		const [card] = (await buildDashboard(t.db, users.viewer)).cards;
		const report = await buildSurveyReport(t.db, bank, { from: null, to: null, channels: [], segment: {}, unit: 'quarter' });
		expect(card.latest?.period).toBe('2025-Q4');
		expect(card.latest?.score).toBe(report!.model.csi.latest!.csi!.score);
		expect(card.sparkline).toHaveLength(8);
	});

	it('stores only a weight method that can apply', async () => {
		expect(await chooseWeightMethod(t.db, bank, 'pls', users.admin)).toEqual({ ok: false, reason: 'report.weights.invalid' });
		expect(await chooseWeightMethod(t.db, bank, 'nonsense', users.admin)).toEqual({ ok: false, reason: 'report.weights.invalid' });
		expect(await findWeightMethod(t.db, bank)).toBeNull();
		expect(await chooseWeightMethod(t.db, bank, 'entropy', users.admin)).toEqual({ ok: true, method: 'entropy' });
		const report = await buildSurveyReport(t.db, bank, { from: null, to: null, channels: [], segment: {}, unit: 'quarter' });
		expect(report!.model.method).toEqual({ selected: 'entropy', stored: 'entropy' });
	});
});
