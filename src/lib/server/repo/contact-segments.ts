import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

/** A named contact filter: the contacts whose attribute `key` is exactly `value`. */
export interface SavedSegment {
	id: string;
	name: string;
	key: string;
	value: string;
	createdAt: number;
}

const toSegment = (row: Database['contact_segments']): SavedSegment => {
	const [[key, value]] = Object.entries(JSON.parse(row.filter) as Record<string, string>);
	return { id: row.id, name: row.name, key, value, createdAt: Number(row.created_at) };
};

export async function listSavedSegments(db: Db): Promise<SavedSegment[]> {
	return (await db.selectFrom('contact_segments').selectAll().orderBy('name').execute()).map(toSegment);
}

export async function findSavedSegment(db: Db, id: string): Promise<SavedSegment | undefined> {
	const row = await db.selectFrom('contact_segments').selectAll().where('id', '=', id).executeTakeFirst();
	return row && toSegment(row);
}

export async function savedSegmentNameTaken(db: Db, name: string): Promise<boolean> {
	return (await db.selectFrom('contact_segments').select('id').where('name', '=', name).executeTakeFirst()) !== undefined;
}

export async function insertSavedSegment(db: Db, segment: SavedSegment, createdBy: string | null): Promise<void> {
	const filter = JSON.stringify({ [segment.key]: segment.value });
	await db.insertInto('contact_segments').values({ id: segment.id, name: segment.name, filter, created_by: createdBy, created_at: segment.createdAt }).execute();
}

export async function deleteSavedSegment(db: Db, id: string): Promise<boolean> {
	const result = await db.deleteFrom('contact_segments').where('id', '=', id).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}
