// The expert's side of a round, reached by personal link (no account): read, save a page, submit.
import type { Kysely } from 'kysely';
import type { Outcome } from '../auth/accounts';
import type { Database } from '../db/schema';
import {
	findExpert,
	findRound,
	listJudgments,
	markSubmitted,
	replaceNodeJudgments,
	type AhpExpert,
	type AhpRound,
	type StoredJudgment
} from '../repo/ahp';
import { comparisonPairs, expertNodeResult, valueOfChoice, type Judgment, type NodeResult } from '../../stats/weights/ahp-round';
import { roundPages } from '../../stats/weights/ahp-results';
import { findSystem, listNodes, type IndicatorSystem } from '../repo/systems';
import type { IndicatorNode } from '../../survey/indicator-tree';

type Db = Kysely<Database>;

/** open: may answer; submitted: done; closed: the researcher closed or applied the round; expired: past the deadline. */
export type ExpertState = 'open' | 'submitted' | 'closed' | 'expired';

export interface ExpertPage {
	nodeId: string;
	/** The node whose children are compared; null for the system's level-1 nodes. */
	parent: IndicatorNode | null;
	children: IndicatorNode[];
}

export interface ExpertView {
	expert: AhpExpert;
	round: AhpRound;
	system: IndicatorSystem;
	state: ExpertState;
	pages: ExpertPage[];
	judgments: StoredJudgment[];
}

/** Whether an expert may still answer, and why not. */
export function expertState(expert: AhpExpert, round: AhpRound, now: number): ExpertState {
	if (expert.submittedAt !== null) return 'submitted';
	if (round.status !== 'open') return 'closed';
	if (round.deadline !== null && now > round.deadline) return 'expired';
	return 'open';
}

/** Everything the expert's form shows; undefined for an unknown token. */
export async function openExpert(db: Db, token: string, now = Date.now()): Promise<ExpertView | undefined> {
	const expert = await findExpert(db, token);
	const round = expert && (await findRound(db, expert.roundId));
	const system = round && (await findSystem(db, round.systemId));
	if (!expert || !round || !system) return undefined;
	const nodes = await listNodes(db, round.systemId);
	const pages = roundPages(nodes, round.nodeIds).map((p) => ({ ...p, parent: nodes.find((n) => n.id === p.nodeId) ?? null }));
	return { expert, round, system, state: expertState(expert, round, now), pages, judgments: await listJudgments(db, { token }) };
}

/** The expert's judgments on one page's node. */
export function pageJudgments(view: Pick<ExpertView, 'judgments'>, page: ExpertPage): Judgment[] {
	return view.judgments.filter((j) => j.nodeId === page.nodeId);
}

/** That page's local weights and CR so far (or what is missing). */
export function pageResult(view: Pick<ExpertView, 'judgments'>, page: ExpertPage): NodeResult {
	return expertNodeResult(page.children.map((c) => c.code), pageJudgments(view, page));
}

/**
 * Saves one page: form fields `p0`, `p1`, … hold the scale choice of each pair (9 … 1 … −9);
 * unanswered pairs stay unanswered. Refused when the round no longer takes answers or a value is
 * off the scale (nothing is stored then).
 */
export async function saveExpertPage(db: Db, token: string, pageIndex: number, form: Record<string, string>, now = Date.now()): Promise<Outcome<NodeResult>> {
	const view = await openExpert(db, token, now);
	if (!view) return { ok: false, reason: 'ahp.expert.notFound' };
	if (view.state !== 'open') return { ok: false, reason: `ahp.expert.state.${view.state}` };
	const page = view.pages[pageIndex];
	if (!page) return { ok: false, reason: 'ahp.expert.notFound' };
	const judgments: Judgment[] = [];
	const pairs = comparisonPairs(page.children.map((c) => c.code));
	for (const [i, pair] of pairs.entries()) {
		const raw = form[`p${i}`];
		if (raw === undefined || raw === '') continue;
		const value = valueOfChoice(raw);
		if (value === undefined) return { ok: false, reason: 'ahp.expert.offScale' };
		judgments.push({ ...pair, value });
	}
	await db.transaction().execute((trx) => replaceNodeJudgments(trx, token, page.nodeId, judgments, now));
	return { ok: true, value: expertNodeResult(page.children.map((c) => c.code), judgments) };
}

/** Final submission: every page complete; the judgments are then final. */
export async function submitExpert(db: Db, token: string, now = Date.now()): Promise<Outcome> {
	const view = await openExpert(db, token, now);
	if (!view) return { ok: false, reason: 'ahp.expert.notFound' };
	if (view.state !== 'open') return { ok: false, reason: `ahp.expert.state.${view.state}` };
	const incomplete = view.pages.findIndex((p) => !pageResult(view, p).complete);
	if (incomplete >= 0) return { ok: false, reason: 'ahp.expert.incomplete', params: { page: incomplete + 1 } };
	if (!(await markSubmitted(db, token, now))) return { ok: false, reason: 'ahp.expert.state.submitted' };
	return { ok: true, value: undefined };
}
