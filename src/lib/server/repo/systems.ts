// Indicator systems: the tree of nodes, the structural-model paths and the weights stored on nodes.
import type { Kysely } from 'kysely';
import type { Database, IndicatorNodesTable, IndicatorSystemsTable } from '../db/schema';
import type { IndicatorNode, ModelPath, NodeWeights } from '../../survey/indicator-tree';
import type { User } from './users';

type Db = Kysely<Database>;

export interface IndicatorSystem {
	id: string;
	ownerId: string;
	nameZh: string;
	nameEn: string;
	description: string;
	template: string | null;
	archived: boolean;
	createdAt: number;
	updatedAt: number;
}

export interface SystemSummary extends IndicatorSystem {
	ownerName: string;
	nodeCount: number;
}

function toSystem(row: IndicatorSystemsTable): IndicatorSystem {
	return {
		id: row.id,
		ownerId: row.owner_id,
		nameZh: row.name_zh,
		nameEn: row.name_en,
		description: row.description,
		template: row.template,
		archived: row.archived === 1,
		createdAt: Number(row.created_at),
		updatedAt: Number(row.updated_at)
	};
}

function toNode(row: IndicatorNodesTable): IndicatorNode {
	return {
		id: row.id,
		parentId: row.parent_id,
		code: row.code,
		nameZh: row.name_zh,
		nameEn: row.name_en,
		description: row.description,
		position: Number(row.position),
		modelRole: row.model_role,
		weights: JSON.parse(row.weights) as NodeWeights
	};
}

function nodeRow(systemId: string, node: IndicatorNode): IndicatorNodesTable {
	return {
		id: node.id,
		system_id: systemId,
		parent_id: node.parentId,
		code: node.code,
		name_zh: node.nameZh,
		name_en: node.nameEn,
		description: node.description,
		position: node.position,
		model_role: node.modelRole,
		weights: JSON.stringify(node.weights)
	};
}

/** Systems the user may see (their own; every one for an admin), newest first, archived last. */
export async function listSystems(db: Db, user: Pick<User, 'id' | 'role'>): Promise<SystemSummary[]> {
	let query = db
		.selectFrom('indicator_systems')
		.innerJoin('users', 'users.id', 'indicator_systems.owner_id')
		.selectAll('indicator_systems')
		.select('users.name as owner_name')
		.select((eb) =>
			eb.selectFrom('indicator_nodes').whereRef('indicator_nodes.system_id', '=', 'indicator_systems.id').select((e) => e.fn.countAll<number>().as('n')).as('node_count')
		)
		.orderBy('indicator_systems.archived')
		.orderBy('indicator_systems.created_at', 'desc');
	if (user.role !== 'admin') query = query.where('indicator_systems.owner_id', '=', user.id);
	const rows = await query.execute();
	return rows.map((row) => ({ ...toSystem(row), ownerName: row.owner_name, nodeCount: Number(row.node_count ?? 0) }));
}

export async function findSystem(db: Db, id: string): Promise<IndicatorSystem | undefined> {
	const row = await db.selectFrom('indicator_systems').selectAll().where('id', '=', id).executeTakeFirst();
	return row && toSystem(row);
}

export async function insertSystem(db: Db, system: IndicatorSystem): Promise<void> {
	await db
		.insertInto('indicator_systems')
		.values({
			id: system.id,
			owner_id: system.ownerId,
			name_zh: system.nameZh,
			name_en: system.nameEn,
			description: system.description,
			template: system.template,
			archived: system.archived ? 1 : 0,
			created_at: system.createdAt,
			updated_at: system.updatedAt
		})
		.execute();
}

export async function updateSystem(
	db: Db,
	id: string,
	changes: Partial<Pick<IndicatorSystem, 'nameZh' | 'nameEn' | 'description' | 'archived'>>,
	now = Date.now()
): Promise<void> {
	await db
		.updateTable('indicator_systems')
		.set({
			...(changes.nameZh !== undefined && { name_zh: changes.nameZh }),
			...(changes.nameEn !== undefined && { name_en: changes.nameEn }),
			...(changes.description !== undefined && { description: changes.description }),
			...(changes.archived !== undefined && { archived: changes.archived ? 1 : 0 }),
			updated_at: now
		})
		.where('id', '=', id)
		.execute();
}

export async function listNodes(db: Db, systemId: string): Promise<IndicatorNode[]> {
	const rows = await db.selectFrom('indicator_nodes').selectAll().where('system_id', '=', systemId).orderBy('position').execute();
	return rows.map(toNode);
}

/** Inserts nodes parents first (the list must be in tree order). */
export async function insertNodes(db: Db, systemId: string, nodes: IndicatorNode[]): Promise<void> {
	for (const node of nodes) await db.insertInto('indicator_nodes').values(nodeRow(systemId, node)).execute();
}

/** Writes a node's fields (parent, position, names, role, weights). */
export async function saveNode(db: Db, systemId: string, node: IndicatorNode): Promise<void> {
	const { id: _id, system_id: _system, ...fields } = nodeRow(systemId, node);
	await db.updateTable('indicator_nodes').set(fields).where('id', '=', node.id).where('system_id', '=', systemId).execute();
}

/** Deletes nodes (children first, so the parent reference never dangles mid-statement). */
export async function deleteNodes(db: Db, systemId: string, ids: string[]): Promise<void> {
	if (ids.length === 0) return;
	await db.deleteFrom('model_paths').where('system_id', '=', systemId).where((eb) => eb.or([eb('from_node_id', 'in', ids), eb('to_node_id', 'in', ids)])).execute();
	for (const id of [...ids].reverse()) await db.deleteFrom('indicator_nodes').where('id', '=', id).where('system_id', '=', systemId).execute();
}

export async function listPaths(db: Db, systemId: string): Promise<ModelPath[]> {
	const rows = await db.selectFrom('model_paths').select(['from_node_id', 'to_node_id']).where('system_id', '=', systemId).execute();
	return rows.map((r) => ({ fromId: r.from_node_id, toId: r.to_node_id }));
}

export async function insertPath(db: Db, systemId: string, path: ModelPath): Promise<void> {
	await db.insertInto('model_paths').values({ system_id: systemId, from_node_id: path.fromId, to_node_id: path.toId }).execute();
}

export async function deletePath(db: Db, systemId: string, path: ModelPath): Promise<void> {
	await db.deleteFrom('model_paths').where('system_id', '=', systemId).where('from_node_id', '=', path.fromId).where('to_node_id', '=', path.toId).execute();
}

/** Surveys made from the system (they keep their own copy of the items). */
export async function countSystemSurveys(db: Db, systemId: string): Promise<number> {
	const row = await db.selectFrom('surveys').select((eb) => eb.fn.countAll<number>().as('n')).where('system_id', '=', systemId).executeTakeFirstOrThrow();
	return Number(row.n);
}
