export interface ContactsTable {
	id: string;
	/** The customer's id in the researcher's own systems; unique when present. */
	external_id: string | null;
	/** Normalised (trimmed, lower-cased); unique when present. */
	email: string | null;
	name: string;
	/** 'zh-CN' | 'en', or null when not known. */
	language: string | null;
	/** JSON object attribute key → text value. */
	attributes: string;
	opted_out_at: number | null;
	created_at: number;
	updated_at: number;
}

export interface ContactAttributesTable {
	key: string;
	label_zh: string;
	label_en: string;
	/** 1 when reports may segment responses by this attribute. */
	segment: number;
	created_at: number;
}

export interface ContactImportMappingsTable {
	header: string;
	/** 'externalId' | 'name' | 'email' | 'language' | 'attr:<key>', or '' to ignore the column. */
	target: string;
	updated_at: number;
}

export interface ContactOptOutsTable {
	/** Keyed hash of the normalised email (src/lib/server/contacts/opt-out.ts). */
	email_hash: string;
	opted_out_at: number;
}

/** A named contact filter that campaigns can take as their audience. */
export interface ContactSegmentsTable {
	id: string;
	name: string;
	/** JSON object attribute key → value: contacts with every pair. */
	filter: string;
	created_by: string | null;
	created_at: number;
}

export interface ContactTables {
	contacts: ContactsTable;
	contact_attributes: ContactAttributesTable;
	contact_import_mappings: ContactImportMappingsTable;
	contact_opt_outs: ContactOptOutsTable;
	contact_segments: ContactSegmentsTable;
}
