// Importing contacts from CSV: the pure reader checks the whole file first, then the rows meet the
// stored contacts in one transaction with the audit entry — all rows written, or none. A re-import
// updates contacts in place and never clears an opt-out; a new contact whose address opted out
// before (even as a since-deleted contact) starts opted out. Used by the page, the API and the CLI.
import type { Kysely } from 'kysely';
import type { Database, ImportVia } from '../db/schema';
import { recordAudit } from '../repo/audit';
import { ensureContactAttribute, findContactsByIdentity, insertContact, loadContactMapping, markContactOptedOut, optedOutHashes, updateContactFields } from '../repo/contacts';
import { timeOrderedId } from '../ids';
import { readContactFile, type ContactFileOutcome } from '../../csv/contact-import';
import { planContactWrites, type ContactValues } from '../../csv/contact-merge';
import { ATTRIBUTE_PREFIX, type ContactMapping } from '../../csv/contact-rows';
import type { CellError } from '../../csv/issues';
import { auditActor, requireContactsRole, type ContactActor } from './access';
import { emailHasher } from './opt-out';

type Db = Kysely<Database>;

export interface ContactImportRequest {
	actor: ContactActor;
	via: ImportVia;
	fileName: string;
	source: AsyncIterable<Uint8Array>;
	/** Header → target choices for this import on top of the remembered ones. */
	mapping?: ContactMapping;
	now?: number;
}

export type ContactImportResult =
	| { ok: true; rows: number; created: number; updated: number; encoding: string; delimiter: string }
	| Exclude<ContactFileOutcome, { ok: true }>;

const invalid = (errors: CellError[]) => ({ ok: false, kind: 'invalid', errors, errorCount: errors.length, truncated: false }) as const;

/** Imports a contact file all or nothing; the result says what was stored or why nothing was. */
export async function importContacts(db: Db, request: ContactImportRequest): Promise<ContactImportResult> {
	requireContactsRole(request.actor);
	const now = request.now ?? Date.now();
	const mapping = { ...(await loadContactMapping(db)), ...request.mapping };
	const file = await readContactFile(request.source, mapping);
	if (!file.ok) return file;
	const hash = await emailHasher(db);
	return db.transaction().execute(async (trx) => {
		const stored = await findContactsByIdentity(trx, file.rows.flatMap((r) => r.externalId ?? []), file.rows.flatMap((r) => r.email ?? []));
		const writes = planContactWrites(file.rows, stored, file.columns);
		if (writes.errors.length) return invalid(writes.errors);
		for (const [header, target] of Object.entries(mapping)) {
			if (target.startsWith(ATTRIBUTE_PREFIX)) await ensureContactAttribute(trx, target.slice(ATTRIBUTE_PREFIX.length), header, now);
		}
		const all: ContactValues[] = [...writes.creates, ...writes.updates.map((u) => u.values)];
		const optedOut = await optedOutHashes(trx, all.flatMap((v) => (v.email ? [hash(v.email)] : [])));
		const suppressed = (v: ContactValues) => v.email !== null && optedOut.has(hash(v.email));
		for (const values of writes.creates) await insertContact(trx, timeOrderedId(now), values, suppressed(values) ? now : null, now);
		for (const { id, values } of writes.updates) {
			await updateContactFields(trx, id, values, now);
			if (suppressed(values)) await markContactOptedOut(trx, id, now);
		}
		const counts = { created: writes.creates.length, updated: writes.updates.length };
		await recordAudit(trx, { action: 'contacts.imported', actor: auditActor(request.actor), target: request.fileName, detail: { ...counts, via: request.via } }, now);
		return { ok: true, rows: file.rows.length, ...counts, encoding: file.encoding, delimiter: file.delimiter } as const;
	});
}
