// Saved contact segments: an attribute filter kept under a name, so a campaign can write to "core
// customers in the east" without the filter being typed again. Researchers and admins only; each
// change is one transaction with its audit entry.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { randomToken } from '../ids';
import { recordAudit } from '../repo/audit';
import { deleteSavedSegment, findSavedSegment, insertSavedSegment, listSavedSegments, savedSegmentNameTaken, type SavedSegment } from '../repo/contact-segments';
import { listContactAttributes, listContacts } from '../repo/contacts';
import { auditActor, requireContactsRole, type ContactActor } from './access';

type Db = Kysely<Database>;

export const MAX_SEGMENT_NAME = 80;
/** Counting stops here: a campaign writes to at most this many contacts anyway. */
const COUNT_LIMIT = 100_000;

export type SaveSegmentResult = { ok: true; segment: SavedSegment } | { ok: false; errors: Record<string, string> };

/** Contacts in the segment now (up to 100,000). */
export async function segmentSize(db: Db, segment: Pick<SavedSegment, 'key' | 'value'>): Promise<number> {
	return (await listContacts(db, { attribute: { key: segment.key, value: segment.value }, limit: COUNT_LIMIT })).length;
}

/** The saved segments with the number of contacts each holds now. */
export async function savedSegmentsWithCounts(db: Db, actor: ContactActor): Promise<(SavedSegment & { count: number })[]> {
	requireContactsRole(actor);
	const segments = await listSavedSegments(db);
	return Promise.all(segments.map(async (s) => ({ ...s, count: await segmentSize(db, s) })));
}

/** Saves an attribute filter under a new name. */
export async function saveSegment(db: Db, actor: ContactActor, input: { name: string; key: string; value: string }, now = Date.now()): Promise<SaveSegmentResult> {
	requireContactsRole(actor);
	const name = input.name.trim();
	const value = input.value.trim();
	return db.transaction().execute(async (trx) => {
		const errors: Record<string, string> = {};
		if (!name) errors.name = 'segments.error.nameMissing';
		else if (name.length > MAX_SEGMENT_NAME) errors.name = 'segments.error.nameTooLong';
		else if (await savedSegmentNameTaken(trx, name)) errors.name = 'segments.error.nameTaken';
		if (!(await listContactAttributes(trx)).some((a) => a.key === input.key) || !value) errors.filter = 'segments.error.filter';
		if (Object.keys(errors).length) return { ok: false, errors } as const;
		const segment: SavedSegment = { id: randomToken(), name, key: input.key, value, createdAt: now };
		await insertSavedSegment(trx, segment, actor?.id ?? null);
		await recordAudit(trx, { action: 'contact-segment.saved', actor: auditActor(actor), target: segment.id, detail: { name, attribute: segment.key, value } }, now);
		return { ok: true, segment } as const;
	});
}

/** Deletes a saved segment (campaigns created from it keep their audience). */
export async function deleteSegment(db: Db, actor: ContactActor, id: string, now = Date.now()): Promise<boolean> {
	requireContactsRole(actor);
	return db.transaction().execute(async (trx) => {
		const segment = await findSavedSegment(trx, id);
		if (!segment || !(await deleteSavedSegment(trx, id))) return false;
		await recordAudit(trx, { action: 'contact-segment.deleted', actor: auditActor(actor), target: id, detail: { name: segment.name } }, now);
		return true;
	});
}
