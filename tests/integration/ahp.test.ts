import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { openExpert, pageResult, saveExpertPage, submitExpert } from '../../src/lib/server/ahp/expert';
import { applyRound, changeStatus, createRound, inviteExperts, loadResults, setExcluded } from '../../src/lib/server/ahp/rounds';
import { listAudit } from '../../src/lib/server/repo/audit';
import { findRound, listJudgments, listRounds, type AhpExpert, type AhpRound } from '../../src/lib/server/repo/ahp';
import { listNodes } from '../../src/lib/server/repo/systems';
import { insertUser } from '../../src/lib/server/repo/users';
import { comparisonPairs, ROOT_NODE } from '../../src/lib/stats/weights/ahp-round';
import { engines, useTestDb } from './databases';

async function seedSystem(db: Kysely<Database>, id: string, ownerId: string, nodes: [code: string, parent: string | null, weights?: string][]) {
	const now = Date.now();
	await db.insertInto('indicator_systems').values({ id, owner_id: ownerId, name_zh: '体系', name_en: 'System', description: '', template: null, archived: 0, created_at: now, updated_at: now }).execute();
	const position = new Map<string | null, number>();
	for (const [code, parent, weights] of nodes) {
		const p = position.get(parent) ?? 0;
		position.set(parent, p + 1);
		await db
			.insertInto('indicator_nodes')
			.values({ id: `${id}-${code}`, system_id: id, parent_id: parent && `${id}-${parent}`, code, name_zh: `指标${code}`, name_en: `Indicator ${code}`, description: '', position: p, model_role: null, weights: weights ?? '{}' })
			.execute();
	}
}

/** The form post for a page: the choice of each pair, by the pair's codes. */
function formFor(children: string[], choices: Record<string, number>): Record<string, string> {
	return Object.fromEntries(comparisonPairs(children).map((p, i) => [`p${i}`, String(choices[`${p.row}${p.col}`] ?? '')]));
}

const drinks = ['beer', 'coffee', 'milk', 'soda', 'tea', 'water', 'wine'];
// Saaty's drinks judgments as form choices (row first in sibling order; negative: the column is more important).
const drinkChoices: Record<string, number> = {
	beercoffee: -2, beermilk: 1, beersoda: -2, beertea: 3, beerwater: -3, beerwine: 9, coffeemilk: 1, coffeesoda: 1, coffeetea: 5, coffeewater: -2,
	coffeewine: 9, milksoda: -2, milktea: 3, milkwater: -3, milkwine: 9, sodatea: 4, sodawater: -2, sodawine: 9, teawater: -9, teawine: 3, waterwine: 9
};

describe.each(engines)('AHP rounds on %s', (engine) => {
	const t = useTestDb(engine);
	const actor = { id: '', email: 'rita@example.com' };
	let round: AhpRound;
	let ann: AhpExpert;
	let bob: AhpExpert;

	beforeAll(async () => {
		actor.id = (await insertUser(t.db, { email: actor.email, name: 'Rita', passwordHash: 'x', role: 'researcher' })).id;
		await seedSystem(t.db, 'sys', actor.id, [['A', null], ['B', null], ['A1', 'A', '{"direct":0.2}'], ['A2', 'A'], ['A3', 'A'], ['B1', 'B']]);
		await seedSystem(t.db, 'drinks', actor.id, drinks.map((d) => [d, null] as [string, null]));
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	it('creates a round over comparable nodes only, with a future deadline', async () => {
		const now = Date.now();
		expect(await createRound(t.db, actor, 'sys', { title: 'R', nodeIds: ['sys-B'], deadline: null })).toMatchObject({ ok: false, reason: 'ahp.new.nodesRequired' });
		expect(await createRound(t.db, actor, 'sys', { title: 'R', nodeIds: [ROOT_NODE], deadline: now - 1 }, now)).toMatchObject({ ok: false, reason: 'ahp.new.deadlinePast' });
		const created = await createRound(t.db, actor, 'sys', { title: 'Experts 2026', nodeIds: ['sys-A', ROOT_NODE], deadline: now + 86_400_000 }, now);
		expect(created.ok).toBe(true);
		round = created.ok ? created.value : round;
		expect(round.nodeIds).toEqual([ROOT_NODE, 'sys-A']);
		expect(await listRounds(t.db, 'sys')).toMatchObject([{ id: round.id, title: 'Experts 2026', status: 'open', invited: 0, submitted: 0 }]);
	});

	it('invites a batch of experts by name, refusing a bad line whole', async () => {
		expect(await inviteExperts(t.db, actor, round, 'Ann\nBob <not-an-email>')).toMatchObject({ ok: false, reason: 'ahp.invite.emailInvalid', params: { line: 2 } });
		const invited = await inviteExperts(t.db, actor, round, 'Ann\n\n  Bob <bob@example.com>  ');
		expect(invited.ok && invited.value.map((e) => [e.label, e.email])).toEqual([['Ann', null], ['Bob', 'bob@example.com']]);
		[ann, bob] = invited.ok ? invited.value : [];
		expect(ann.token).toMatch(/^[a-z2-7]{32}$/);
		expect((await listRounds(t.db, 'sys'))[0].invited).toBe(2);
	});

	it('saves a page, replaces it on a second post, and stores nothing off the scale', async () => {
		expect(await saveExpertPage(t.db, ann.token, 0, { p0: '3' })).toMatchObject({ ok: true, value: { complete: true, cr: 0 } });
		const first = await saveExpertPage(t.db, ann.token, 1, formFor(['A1', 'A2', 'A3'], { A1A2: 2, A1A3: 5 }));
		expect(first).toMatchObject({ ok: true, value: { complete: false, missing: [{ row: 'A2', col: 'A3' }] } });
		const second = await saveExpertPage(t.db, ann.token, 1, formFor(['A1', 'A2', 'A3'], { A1A2: 2, A1A3: 4, A2A3: 2 }));
		expect(second.ok && second.value.complete && second.value.cr).toBeCloseTo(0, 12);
		expect(await saveExpertPage(t.db, ann.token, 1, { p0: '10', p1: '4', p2: '2' })).toMatchObject({ ok: false, reason: 'ahp.expert.offScale' });
		const stored = await listJudgments(t.db, { token: ann.token });
		expect(stored.map((j) => [j.nodeId, j.row, j.col, j.value])).toEqual([[ROOT_NODE, 'A', 'B', 3], ['sys-A', 'A1', 'A2', 2], ['sys-A', 'A1', 'A3', 4], ['sys-A', 'A2', 'A3', 2]]);
	});

	it('submits only complete answers, once, and freezes them', async () => {
		expect(await submitExpert(t.db, bob.token)).toMatchObject({ ok: false, reason: 'ahp.expert.incomplete', params: { page: 1 } });
		expect(await submitExpert(t.db, ann.token)).toEqual({ ok: true, value: undefined });
		expect(await submitExpert(t.db, ann.token)).toMatchObject({ ok: false, reason: 'ahp.expert.state.submitted' });
		expect(await saveExpertPage(t.db, ann.token, 0, { p0: '-3' })).toMatchObject({ ok: false, reason: 'ahp.expert.state.submitted' });
		// Bob: consistent on the top level, a cycle on A (A1 ≫ A2 ≫ A3 ≫ A1).
		await saveExpertPage(t.db, bob.token, 0, { p0: '5' });
		const inconsistent = await saveExpertPage(t.db, bob.token, 1, formFor(['A1', 'A2', 'A3'], { A1A2: 7, A1A3: -7, A2A3: 7 }));
		expect(inconsistent.ok && inconsistent.value.complete && inconsistent.value.consistent).toBe(false);
		expect(await submitExpert(t.db, bob.token)).toMatchObject({ ok: true });
	});

	it('gives per-expert and group results, and excluding the inconsistent expert leaves the consistent one', async () => {
		const { results } = await loadResults(t.db, round, 'aij', 0.1);
		expect(results.experts.map((e) => [e.label, e.included, e.aboveThreshold])).toEqual([['Ann', true, false], ['Bob', true, true]]);
		const root = results.nodes[0].group.result;
		expect(root.complete && root.weights.A).toBeCloseTo(Math.sqrt(15) / (Math.sqrt(15) + 1), 12);
		expect(await setExcluded(t.db, actor, round, [bob.token], true)).toEqual({ ok: true, value: 1 });
		const after = (await loadResults(t.db, round, 'aip', 0.1)).results;
		const a = after.nodes[1].group;
		expect(a.experts).toBe(1);
		expect(a.result.complete && [a.result.weights.A1, a.result.weights.A2, a.result.weights.A3].map((w) => w * 7)).toEqual([expect.closeTo(4, 10), expect.closeTo(2, 10), expect.closeTo(1, 10)]);
		expect(after.global.find((g) => g.code === 'A3')?.global).toBeCloseTo(0.75 / 7, 12);
		expect(after.global.find((g) => g.code === 'B1')).toMatchObject({ local: 1, assumed: true });
		expect(after.applicable).toBe(true);
	});

	it('applies the result as the nodes\' AHP weights, with an audit entry carrying the round id, once', async () => {
		expect(await applyRound(t.db, actor, round.id, 'aij', 0.1)).toEqual({ ok: true, value: 5 });
		const nodes = Object.fromEntries((await listNodes(t.db, 'sys')).map((n) => [n.code, n.weights]));
		expect(nodes.A.ahp).toBeCloseTo(0.75, 12);
		expect(nodes.A1).toEqual({ direct: 0.2, ahp: expect.closeTo(4 / 7, 12) });
		expect(nodes.B1).toEqual({});
		expect((await findRound(t.db, round.id))?.status).toBe('applied');
		const entry = (await listAudit(t.db, { limit: 20 })).find((e) => e.action === 'ahp.applied');
		expect(entry).toMatchObject({ actorEmail: actor.email, target: 'sys', detail: { round: round.id, mode: 'aij', experts: 1, weights: 5 } });
		expect(await applyRound(t.db, actor, round.id, 'aij', 0.1)).toMatchObject({ ok: false, reason: 'ahp.round.alreadyApplied' });
		expect(await setExcluded(t.db, actor, round, [bob.token], false)).toMatchObject({ ok: false, reason: 'ahp.round.alreadyApplied' });
	});

	it('tells experts when a round is closed or past its deadline', async () => {
		const created = await createRound(t.db, actor, 'sys', { title: 'Late', nodeIds: [ROOT_NODE], deadline: Date.now() + 1000 });
		const late = created.ok ? created.value : round;
		const invited = await inviteExperts(t.db, actor, late, 'Cai');
		const token = invited.ok ? invited.value[0].token : '';
		expect((await openExpert(t.db, token))?.state).toBe('open');
		expect((await openExpert(t.db, token, Date.now() + 2000))?.state).toBe('expired');
		expect(await saveExpertPage(t.db, token, 0, { p0: '1' }, Date.now() + 2000)).toMatchObject({ ok: false, reason: 'ahp.expert.state.expired' });
		await changeStatus(t.db, actor, late, 'closed');
		expect((await openExpert(t.db, token))?.state).toBe('closed');
		expect(await openExpert(t.db, 'no-such-token')).toBeUndefined();
		expect(await applyRound(t.db, actor, late.id, 'aij', 0.1)).toMatchObject({ ok: false, reason: 'ahp.apply.incomplete' });
	});

	it("gives the published drinks weights and CR when one expert answers Saaty's matrix (methods.md oracle)", async () => {
		const created = await createRound(t.db, actor, 'drinks', { title: 'Drinks', nodeIds: [ROOT_NODE], deadline: null });
		const drinksRound = created.ok ? created.value : round;
		const invited = await inviteExperts(t.db, actor, drinksRound, 'Saaty');
		const token = invited.ok ? invited.value[0].token : '';
		const saved = await saveExpertPage(t.db, token, 0, formFor(drinks, drinkChoices));
		expect(saved.ok && saved.value.complete && saved.value.cr).toBeCloseTo(0.0223, 4);
		const view = await openExpert(t.db, token);
		expect(pageResult(view!, view!.pages[0])).toMatchObject({ complete: true, consistent: true });
		expect(await submitExpert(t.db, token)).toMatchObject({ ok: true });
		const { results } = await loadResults(t.db, drinksRound, 'aij', 0.1);
		const mine = results.nodes[0].experts[0].result;
		const published = { beer: 0.1164, coffee: 0.1775, milk: 0.1288, soda: 0.1896, tea: 0.0418, water: 0.3268, wine: 0.0191 };
		expect(mine.complete && mine.lambdaMax).toBeCloseTo(7.1766, 4);
		expect(mine.complete && mine.ci).toBeCloseTo(0.02944, 5);
		for (const [code, w] of Object.entries(published)) {
			expect(mine.complete && mine.weights[code], code).toBeCloseTo(w, 4);
			expect(results.global.find((g) => g.code === code)?.global, code).toBeCloseTo(w, 4);
		}
		expect(await applyRound(t.db, actor, drinksRound.id, 'aip', 0.1)).toEqual({ ok: true, value: 7 });
		const stored = Object.fromEntries((await listNodes(t.db, 'drinks')).map((n) => [n.code, n.weights.ahp]));
		for (const [code, w] of Object.entries(published)) expect(stored[code], code).toBeCloseTo(w, 4);
	});
});
