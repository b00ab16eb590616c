/**
 * How an import's rows meet the stored contacts: each row updates the contact with its external
 * id, else the one with its email, else becomes a new contact. Empty cells leave stored values
 * alone; attributes are merged key by key. A row that would take another contact's email or
 * external id, or a second row reaching a contact already updated, is an error. Pure.
 */
import type { ContactField, ContactLanguage, ContactRow } from './contact-rows';
import type { CellError } from './issues';

export interface StoredContact {
	id: string;
	externalId: string | null;
	email: string | null;
	name: string;
	language: ContactLanguage | null;
	attributes: Record<string, string>;
}

export type ContactValues = Omit<StoredContact, 'id'>;

export interface ContactWrites {
	creates: ContactValues[];
	updates: { id: string; values: ContactValues }[];
	errors: CellError[];
}

const valuesOf = (row: ContactRow, stored?: StoredContact): ContactValues => ({
	externalId: row.externalId ?? stored?.externalId ?? null,
	email: row.email ?? stored?.email ?? null,
	name: row.name ?? stored?.name ?? '',
	language: row.language ?? stored?.language ?? null,
	attributes: { ...stored?.attributes, ...row.attributes }
});

/** The writes of an import, or the rows that conflict with stored contacts; `columns` names each field's column for the report. */
export function planContactWrites(rows: readonly ContactRow[], stored: readonly StoredContact[], columns: Partial<Record<ContactField, string>>): ContactWrites {
	const byExternalId = new Map(stored.flatMap((c) => (c.externalId === null ? [] : [[c.externalId, c] as const])));
	const byEmail = new Map(stored.flatMap((c) => (c.email === null ? [] : [[c.email, c] as const])));
	const touched = new Map<string, number>();
	const writes: ContactWrites = { creates: [], updates: [], errors: [] };
	for (const row of rows) {
		const fail = (field: ContactField, code: string, params?: Record<string, string | number>) =>
			writes.errors.push({ row: row.row, column: columns[field] ?? '', value: (field === 'email' ? row.email : row.externalId) ?? '', reason: { code, params } });
		const idMatch = row.externalId === null ? undefined : byExternalId.get(row.externalId);
		const emailMatch = row.email === null ? undefined : byEmail.get(row.email);
		if (idMatch && emailMatch && idMatch.id !== emailMatch.id) {
			fail('email', 'contacts.import.emailTaken');
			continue;
		}
		const match = idMatch ?? emailMatch;
		if (match && row.externalId !== null && match.externalId !== null && match.externalId !== row.externalId) {
			fail('externalId', 'contacts.import.otherExternalId', { existing: match.externalId });
			continue;
		}
		if (!match) {
			writes.creates.push(valuesOf(row));
			continue;
		}
		const first = touched.get(match.id);
		if (first !== undefined) {
			fail(idMatch ? 'externalId' : 'email', 'contacts.import.sameContact', { first });
			continue;
		}
		touched.set(match.id, row.row);
		writes.updates.push({ id: match.id, values: valuesOf(row, match) });
	}
	return writes;
}
