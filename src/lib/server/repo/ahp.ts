import type { Kysely } from 'kysely';
import type { AhpExpertsTable, AhpRoundsTable, AhpRoundStatus, Database } from '../db/schema';
import { randomToken } from '../ids';

type Db = Kysely<Database>;

export interface AhpRound {
	id: string;
	systemId: string;
	ownerId: string;
	title: string;
	/** Nodes whose children are compared ("root" = the system's level-1 nodes), in the order chosen. */
	nodeIds: string[];
	deadline: number | null;
	status: AhpRoundStatus;
	createdAt: number;
}

export interface AhpExpert {
	/** The personal link token. */
	token: string;
	roundId: string;
	label: string;
	email: string | null;
	createdAt: number;
	submittedAt: number | null;
	excluded: boolean;
}

export interface StoredJudgment {
	expertId: string;
	nodeId: string;
	row: string;
	col: string;
	value: number;
	updatedAt: number;
}

function toRound(row: AhpRoundsTable): AhpRound {
	return {
		id: row.id,
		systemId: row.system_id,
		ownerId: row.owner_id,
		title: row.title,
		nodeIds: JSON.parse(row.node_ids) as string[],
		deadline: row.deadline === null ? null : Number(row.deadline),
		status: row.status,
		createdAt: Number(row.created_at)
	};
}

function toExpert(row: AhpExpertsTable): AhpExpert {
	return {
		token: row.id,
		roundId: row.round_id,
		label: row.label,
		email: row.email,
		createdAt: Number(row.created_at),
		submittedAt: row.submitted_at === null ? null : Number(row.submitted_at),
		excluded: Number(row.excluded) === 1
	};
}

/** Sets one method's weight in a node's weights JSON, keeping the other methods' weights. */
export async function setNodeWeight(db: Db, nodeId: string, method: string, weight: number): Promise<void> {
	const row = await db.selectFrom('indicator_nodes').select('weights').where('id', '=', nodeId).executeTakeFirstOrThrow();
	const weights = { ...(JSON.parse(row.weights) as Record<string, number>), [method]: weight };
	await db.updateTable('indicator_nodes').set({ weights: JSON.stringify(weights) }).where('id', '=', nodeId).execute();
}

export async function insertRound(db: Db, round: Omit<AhpRound, 'id' | 'status' | 'createdAt'>, now = Date.now()): Promise<AhpRound> {
	const row: AhpRoundsTable = {
		id: randomToken(),
		system_id: round.systemId,
		owner_id: round.ownerId,
		title: round.title,
		node_ids: JSON.stringify(round.nodeIds),
		deadline: round.deadline,
		status: 'open',
		created_at: now
	};
	await db.insertInto('ahp_rounds').values(row).execute();
	return toRound(row);
}

export async function findRound(db: Db, roundId: string): Promise<AhpRound | undefined> {
	const row = await db.selectFrom('ahp_rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
	return row && toRound(row);
}

/** A system's rounds, newest first, with how many experts were invited and have submitted. */
export async function listRounds(db: Db, systemId: string): Promise<(AhpRound & { invited: number; submitted: number })[]> {
	const rows = await db
		.selectFrom('ahp_rounds')
		.leftJoin('ahp_experts', 'ahp_experts.round_id', 'ahp_rounds.id')
		.selectAll('ahp_rounds')
		.select((eb) => [eb.fn.count<string>('ahp_experts.id').as('invited'), eb.fn.count<string>('ahp_experts.submitted_at').as('submitted')])
		.where('ahp_rounds.system_id', '=', systemId)
		.groupBy(['ahp_rounds.id', 'ahp_rounds.system_id', 'ahp_rounds.owner_id', 'ahp_rounds.title', 'ahp_rounds.node_ids', 'ahp_rounds.deadline', 'ahp_rounds.status', 'ahp_rounds.created_at'])
		.orderBy('ahp_rounds.created_at', 'desc')
		.execute();
	return rows.map((r) => ({ ...toRound(r), invited: Number(r.invited), submitted: Number(r.submitted) }));
}

export async function setRoundStatus(db: Db, roundId: string, status: AhpRoundStatus): Promise<void> {
	await db.updateTable('ahp_rounds').set({ status }).where('id', '=', roundId).execute();
}

export async function insertExperts(db: Db, roundId: string, experts: { label: string; email: string | null }[], now = Date.now()): Promise<AhpExpert[]> {
	const rows: AhpExpertsTable[] = experts.map((e) => ({ id: randomToken(), round_id: roundId, label: e.label, email: e.email, created_at: now, submitted_at: null, excluded: 0 }));
	if (rows.length > 0) await db.insertInto('ahp_experts').values(rows).execute();
	return rows.map(toExpert);
}

/** A round's experts in the order they were invited. */
export async function listExperts(db: Db, roundId: string): Promise<AhpExpert[]> {
	const rows = await db.selectFrom('ahp_experts').selectAll().where('round_id', '=', roundId).orderBy('created_at').orderBy('label').execute();
	return rows.map(toExpert);
}

export async function findExpert(db: Db, token: string): Promise<AhpExpert | undefined> {
	const row = await db.selectFrom('ahp_experts').selectAll().where('id', '=', token).executeTakeFirst();
	return row && toExpert(row);
}

/** Sets the excluded flag of experts of a round; returns how many rows changed. */
export async function setExpertsExcluded(db: Db, roundId: string, tokens: string[], excluded: boolean): Promise<number> {
	if (tokens.length === 0) return 0;
	const result = await db
		.updateTable('ahp_experts')
		.set({ excluded: excluded ? 1 : 0 })
		.where('round_id', '=', roundId)
		.where('id', 'in', tokens)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** Marks an expert submitted unless they already were; false when they were (a second tab, a double click). */
export async function markSubmitted(db: Db, token: string, now = Date.now()): Promise<boolean> {
	const result = await db.updateTable('ahp_experts').set({ submitted_at: now }).where('id', '=', token).where('submitted_at', 'is', null).executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Replaces an expert's judgments on one node with those given (a page of the form). */
export async function replaceNodeJudgments(db: Db, token: string, nodeId: string, judgments: { row: string; col: string; value: number }[], now = Date.now()): Promise<void> {
	await db.deleteFrom('ahp_judgments').where('expert_id', '=', token).where('node_id', '=', nodeId).execute();
	if (judgments.length === 0) return;
	await db
		.insertInto('ahp_judgments')
		.values(judgments.map((j) => ({ expert_id: token, node_id: nodeId, row_code: j.row, col_code: j.col, value: j.value, updated_at: now })))
		.execute();
}

/** Judgments of a round (every expert) or of one expert. */
export async function listJudgments(db: Db, by: { roundId: string } | { token: string }): Promise<StoredJudgment[]> {
	let query = db
		.selectFrom('ahp_judgments')
		.innerJoin('ahp_experts', 'ahp_experts.id', 'ahp_judgments.expert_id')
		.selectAll('ahp_judgments')
		.orderBy('ahp_experts.created_at')
		.orderBy('ahp_judgments.expert_id')
		.orderBy('ahp_judgments.node_id')
		.orderBy('ahp_judgments.row_code')
		.orderBy('ahp_judgments.col_code');
	query = 'roundId' in by ? query.where('ahp_experts.round_id', '=', by.roundId) : query.where('ahp_judgments.expert_id', '=', by.token);
	const rows = await query.execute();
	return rows.map((r) => ({ expertId: r.expert_id, nodeId: r.node_id, row: r.row_code, col: r.col_code, value: Number(r.value), updatedAt: Number(r.updated_at) }));
}
