// Researcher-side AHP round operations: each write runs in one transaction with its audit entry.
import type { Kysely } from 'kysely';
import type { Outcome } from '../auth/accounts';
import type { AhpRoundStatus, Database } from '../db/schema';
import { recordAudit } from '../repo/audit';
import {
	findRound,
	insertExperts,
	insertRound,
	listExperts,
	listJudgments,
	setExpertsExcluded,
	setNodeWeight,
	setRoundStatus,
	type AhpExpert,
	type AhpRound
} from '../repo/ahp';
import { listNodes } from '../repo/systems';
import type { User } from '../repo/users';
import { parseExpertLines, type GroupMode } from '../../stats/weights/ahp-round';
import { roundResults, type RoundResults } from '../../stats/weights/ahp-results';
import { comparableNodes } from '../../stats/weights/ahp-tree';
import type { IndicatorNode } from '../../survey/indicator-tree';

type Db = Kysely<Database>;
type Actor = Pick<User, 'id' | 'email'>;


/** Read inside the writing transaction, so a round applied meanwhile is not changed afterwards. */
async function isApplied(db: Db, roundId: string): Promise<boolean> {
	return (await findRound(db, roundId))?.status === 'applied';
}

/** Starts a round over some of the system's comparable nodes (in tree order); deadline in epoch-ms or null. */
export async function createRound(
	db: Db,
	actor: Actor,
	systemId: string,
	input: { title: string; nodeIds: string[]; deadline: number | null },
	now = Date.now()
): Promise<Outcome<AhpRound>> {
	const comparable = comparableNodes(await listNodes(db, systemId));
	const chosen = comparable.filter((id) => input.nodeIds.includes(id));
	if (chosen.length === 0 || chosen.length !== new Set(input.nodeIds).size) return { ok: false, reason: 'ahp.new.nodesRequired' };
	if (input.deadline !== null && input.deadline <= now) return { ok: false, reason: 'ahp.new.deadlinePast' };
	return db.transaction().execute(async (trx) => {
		const round = await insertRound(trx, { systemId, ownerId: actor.id, title: input.title, nodeIds: chosen, deadline: input.deadline }, now);
		await recordAudit(trx, { action: 'ahp.round-created', actor, target: round.id, detail: { system: systemId, nodes: chosen.length } }, now);
		return { ok: true, value: round };
	});
}

/** Invites a batch of experts (one per line: "Name" or "Name <email>"); each gets a personal link token. */
export async function inviteExperts(db: Db, actor: Actor, round: AhpRound, text: string): Promise<Outcome<AhpExpert[]>> {
	const parsed = parseExpertLines(text);
	if (!parsed.ok) return { ok: false, reason: parsed.code, params: { line: parsed.line } };
	if (parsed.experts.length === 0) return { ok: false, reason: 'ahp.invite.empty' };
	if (parsed.experts.length > 200) return { ok: false, reason: 'ahp.invite.tooMany', params: { max: 200 } };
	return db.transaction().execute(async (trx) => {
		if (await isApplied(trx, round.id)) return { ok: false, reason: 'ahp.round.alreadyApplied' };
		const experts = await insertExperts(trx, round.id, parsed.experts);
		await recordAudit(trx, { action: 'ahp.experts-invited', actor, target: round.id, detail: { count: experts.length } });
		return { ok: true, value: experts };
	});
}

/** Leaves experts out of (or takes them back into) the group result. */
export async function setExcluded(db: Db, actor: Actor, round: AhpRound, tokens: string[], excluded: boolean): Promise<Outcome<number>> {
	return db.transaction().execute(async (trx) => {
		if (await isApplied(trx, round.id)) return { ok: false, reason: 'ahp.round.alreadyApplied' };
		const changed = await setExpertsExcluded(trx, round.id, tokens, excluded);
		if (changed === 0) return { ok: false, reason: 'ahp.results.expertNotFound' };
		await recordAudit(trx, { action: 'ahp.experts-excluded', actor, target: round.id, detail: { count: changed, excluded } });
		return { ok: true, value: changed };
	});
}

/** Closes a round to experts or opens it again (not once applied). */
export async function changeStatus(db: Db, actor: Actor, round: AhpRound, status: Exclude<AhpRoundStatus, 'applied'>): Promise<Outcome> {
	return db.transaction().execute(async (trx) => {
		if (await isApplied(trx, round.id)) return { ok: false, reason: 'ahp.round.alreadyApplied' };
		await setRoundStatus(trx, round.id, status);
		await recordAudit(trx, { action: 'ahp.round-status', actor, target: round.id, detail: { status } });
		return { ok: true, value: undefined };
	});
}

/** Everything the results page and the export need. */
export async function loadResults(db: Db, round: AhpRound, mode: GroupMode, threshold: number): Promise<{ nodes: IndicatorNode[]; experts: AhpExpert[]; results: RoundResults<IndicatorNode> }> {
	const [nodes, experts, judgments] = await Promise.all([listNodes(db, round.systemId), listExperts(db, round.id), listJudgments(db, { roundId: round.id })]);
	const input = { nodes, nodeIds: round.nodeIds, experts: experts.map((e) => ({ token: e.token, label: e.label, submitted: e.submittedAt !== null, excluded: e.excluded })), judgments };
	return { nodes, experts, results: roundResults(input, mode, threshold) };
}

/**
 * Writes the group's local weights as each covered node's children's `ahp` weights and marks the
 * round applied, in one transaction with an audit entry carrying the round id. Refused unless
 * every covered node has a group result.
 */
export async function applyRound(db: Db, actor: Actor, roundId: string, mode: GroupMode, threshold: number): Promise<Outcome<number>> {
	return db.transaction().execute(async (trx) => {
		// Re-read inside the transaction so two clicks cannot both apply.
		const round = await findRound(trx, roundId);
		if (!round) return { ok: false, reason: 'ahp.round.notFound' };
		if (round.status === 'applied') return { ok: false, reason: 'ahp.round.alreadyApplied' };
		const { results } = await loadResults(trx, round, mode, threshold);
		if (!results.applicable) return { ok: false, reason: 'ahp.apply.incomplete' };
		let written = 0;
		for (const node of results.nodes) {
			if (!node.group.result.complete) continue;
			for (const child of node.children) {
				await setNodeWeight(trx, child.id, 'ahp', node.group.result.weights[child.code]);
				written++;
			}
		}
		await setRoundStatus(trx, round.id, 'applied');
		const experts = results.experts.filter((e) => e.included).length;
		await recordAudit(trx, { action: 'ahp.applied', actor, target: round.systemId, detail: { round: round.id, mode, experts, weights: written } });
		return { ok: true, value: written };
	});
}
