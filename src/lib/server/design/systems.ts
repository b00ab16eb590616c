// Indicator-system operations: each change runs in one transaction with its audit entry.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Outcome } from '../auth/accounts';
import { randomToken } from '../ids';
import { recordAudit } from '../repo/audit';
import { isUniqueViolation } from '../repo/constraint';
import {
	deleteNodes,
	deletePath,
	findSystem,
	insertNodes,
	insertPath,
	insertSystem,
	listNodes,
	listPaths,
	saveNode,
	updateSystem,
	type IndicatorSystem
} from '../repo/systems';
import type { User } from '../repo/users';
import {
	childrenOf,
	codeProblem,
	indentNode,
	moveNode,
	outdentNode,
	pathProblem,
	shiftNode,
	subtreeIds,
	type IndicatorNode,
	type ModelPath,
	type ModelRole
} from '../../survey/indicator-tree';
import { instantiateTemplate, systemTemplates, type TemplateId } from '../../survey/templates/index';
import { directWeights } from '../../stats/weights/direct';

type Db = Kysely<Database>;
type Actor = Pick<User, 'id' | 'email' | 'role'>;

/** The system when the user may see and change it (its owner, or an admin). */
export async function systemForUser(db: Db, user: Pick<User, 'id' | 'role'>, id: string): Promise<IndicatorSystem | undefined> {
	const system = await findSystem(db, id);
	return system && (user.role === 'admin' || system.ownerId === user.id) ? system : undefined;
}

/** A new system, blank or filled from a built-in template (nodes, roles and paths). */
export async function createSystem(
	db: Db,
	actor: Actor,
	input: { nameZh: string; nameEn: string; description?: string; template?: TemplateId | null },
	now = Date.now()
): Promise<IndicatorSystem> {
	const template = input.template ? systemTemplates[input.template] : undefined;
	const system: IndicatorSystem = {
		id: randomToken(),
		ownerId: actor.id,
		nameZh: input.nameZh,
		nameEn: input.nameEn,
		description: input.description ?? '',
		template: template?.id ?? null,
		archived: false,
		createdAt: now,
		updatedAt: now
	};
	const { nodes, paths } = template ? instantiateTemplate(template, randomToken) : { nodes: [], paths: [] };
	return db.transaction().execute(async (trx) => {
		await insertSystem(trx, system);
		await insertNodes(trx, system.id, nodes);
		for (const path of paths) await insertPath(trx, system.id, path);
		await recordAudit(trx, { action: 'system.created', actor, target: system.id, detail: { name: system.nameEn, template: system.template } });
		return system;
	});
}

/** A full copy (nodes, paths, weights) owned by the actor. */
export async function duplicateSystem(db: Db, actor: Actor, source: IndicatorSystem, now = Date.now()): Promise<IndicatorSystem> {
	return db.transaction().execute(async (trx) => {
		const nodes = await listNodes(trx, source.id);
		const paths = await listPaths(trx, source.id);
		const ids = new Map(nodes.map((n) => [n.id, randomToken()]));
		const copy: IndicatorSystem = { ...source, id: randomToken(), ownerId: actor.id, nameZh: `${source.nameZh}（副本）`, nameEn: `${source.nameEn} (copy)`, archived: false, createdAt: now, updatedAt: now };
		await insertSystem(trx, copy);
		const ordered = [...nodes].sort((a, b) => depth(nodes, a) - depth(nodes, b));
		await insertNodes(trx, copy.id, ordered.map((n) => ({ ...n, id: ids.get(n.id)!, parentId: n.parentId && ids.get(n.parentId)! })));
		for (const p of paths) await insertPath(trx, copy.id, { fromId: ids.get(p.fromId)!, toId: ids.get(p.toId)! });
		await recordAudit(trx, { action: 'system.duplicated', actor, target: copy.id, detail: { from: source.id } });
		return copy;
	});
}

function depth(nodes: IndicatorNode[], node: IndicatorNode): number {
	let d = 0;
	for (let n: IndicatorNode | undefined = node; n?.parentId; n = nodes.find((m) => m.id === n!.parentId)) d++;
	return d;
}

export async function renameSystem(db: Db, actor: Actor, id: string, names: { nameZh: string; nameEn: string; description: string }): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await updateSystem(trx, id, names);
		await recordAudit(trx, { action: 'system.renamed', actor, target: id, detail: { name: names.nameEn } });
	});
}

export async function setSystemArchived(db: Db, actor: Actor, id: string, archived: boolean): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await updateSystem(trx, id, { archived });
		await recordAudit(trx, { action: 'system.archived', actor, target: id, detail: { archived } });
	});
}

export interface NodeInput {
	code: string;
	nameZh: string;
	nameEn: string;
	description: string;
	modelRole: ModelRole | null;
}

/** Runs a change of the tree in one transaction with an audit entry; the change returns a message key on refusal. */
async function changeTree(
	db: Db,
	actor: Actor,
	systemId: string,
	what: string,
	change: (trx: Db, nodes: IndicatorNode[], paths: ModelPath[]) => Promise<string | null>
): Promise<Outcome> {
	try {
		return await db.transaction().execute(async (trx) => {
			const refused = await change(trx, await listNodes(trx, systemId), await listPaths(trx, systemId));
			if (refused) return { ok: false, reason: refused };
			await updateSystem(trx, systemId, {});
			await recordAudit(trx, { action: 'system.changed', actor, target: systemId, detail: { change: what } });
			return { ok: true, value: undefined };
		});
	} catch (e) {
		// Two editors giving nodes the same code at the same instant (PostgreSQL): the code check
		// above cannot see the other's uncommitted node, the unique constraint can.
		if (isUniqueViolation(e)) return { ok: false, reason: 'systems.codeTaken' };
		throw e;
	}
}

export function addNode(db: Db, actor: Actor, systemId: string, parentId: string | null, input: NodeInput): Promise<Outcome> {
	return changeTree(db, actor, systemId, 'node-added', async (trx, nodes) => {
		if (parentId !== null && !nodes.some((n) => n.id === parentId)) return 'systems.nodeMissing';
		const problem = codeProblem(nodes, input.code);
		if (problem) return problem;
		const node: IndicatorNode = { id: randomToken(), parentId, position: childrenOf(nodes, parentId).length, weights: {}, ...input };
		await insertNodes(trx, systemId, [node]);
		return null;
	});
}

export function updateNode(db: Db, actor: Actor, systemId: string, nodeId: string, input: NodeInput): Promise<Outcome> {
	return changeTree(db, actor, systemId, 'node-changed', async (trx, nodes) => {
		const node = nodes.find((n) => n.id === nodeId);
		if (!node) return 'systems.nodeMissing';
		const problem = codeProblem(nodes, input.code, nodeId);
		if (problem) return problem;
		await saveNode(trx, systemId, { ...node, ...input });
		return null;
	});
}

export type NodeMove = 'up' | 'down' | 'indent' | 'outdent' | { parentId: string | null; position: number };

export function moveTreeNode(db: Db, actor: Actor, systemId: string, nodeId: string, move: NodeMove): Promise<Outcome> {
	return changeTree(db, actor, systemId, 'node-moved', async (trx, nodes) => {
		if (!nodes.some((n) => n.id === nodeId)) return 'systems.nodeMissing';
		const moved =
			move === 'up' ? shiftNode(nodes, nodeId, -1)
			: move === 'down' ? shiftNode(nodes, nodeId, 1)
			: move === 'indent' ? indentNode(nodes, nodeId)
			: move === 'outdent' ? outdentNode(nodes, nodeId)
			: moveNode(nodes, nodeId, move.parentId, move.position);
		if (!moved) return 'systems.moveInvalid';
		for (const node of moved) {
			const before = nodes.find((n) => n.id === node.id)!;
			if (before.parentId !== node.parentId || before.position !== node.position) await saveNode(trx, systemId, node);
		}
		return null;
	});
}

/** Deletes a node with everything beneath it, and renumbers its former siblings. */
export function removeNode(db: Db, actor: Actor, systemId: string, nodeId: string): Promise<Outcome> {
	return changeTree(db, actor, systemId, 'node-deleted', async (trx, nodes) => {
		const node = nodes.find((n) => n.id === nodeId);
		if (!node) return 'systems.nodeMissing';
		const doomed = subtreeIds(nodes, nodeId);
		await deleteNodes(trx, systemId, [...doomed]);
		const siblings = childrenOf(nodes, node.parentId).filter((n) => n.id !== nodeId);
		for (const [position, sibling] of siblings.entries()) if (sibling.position !== position) await saveNode(trx, systemId, { ...sibling, position });
		return null;
	});
}

export function addModelPath(db: Db, actor: Actor, systemId: string, path: ModelPath): Promise<Outcome> {
	return changeTree(db, actor, systemId, 'path-added', async (trx, nodes, paths) => {
		const problem = pathProblem(nodes, paths, path);
		if (problem) return problem;
		await insertPath(trx, systemId, path);
		return null;
	});
}

export function removeModelPath(db: Db, actor: Actor, systemId: string, path: ModelPath): Promise<Outcome> {
	return changeTree(db, actor, systemId, 'path-removed', async (trx) => {
		await deletePath(trx, systemId, path);
		return null;
	});
}

/** Direct weights of a node's children from points (any total; stored divided by the total). */
export function saveDirectPoints(db: Db, actor: Actor, systemId: string, parentId: string | null, points: Record<string, number>): Promise<Outcome> {
	return changeTree(db, actor, systemId, 'weights-direct', async (trx, nodes) => {
		const children = childrenOf(nodes, parentId);
		if (children.length === 0 || children.some((c) => points[c.id] === undefined)) return 'systems.pointsIncomplete';
		const weights = directWeights(children.map((c) => points[c.id]));
		if (!weights.ok) return weights.error.code;
		for (const [i, child] of children.entries()) await saveNode(trx, systemId, { ...child, weights: { ...child.weights, direct: weights.value[i] } });
		return null;
	});
}
