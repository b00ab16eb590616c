// The import's mapping screen: what each unknown header holds — a contact field, an existing
// attribute, a new attribute named after the header, or nothing. Remembered for every later import.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { recordAudit } from '../repo/audit';
import { ensureContactAttribute, listContactAttributes, saveContactMapping } from '../repo/contacts';
import { ATTRIBUTE_PREFIX, CONTACT_FIELDS, attributeKeyFor, type ContactMapping } from '../../csv/contact-rows';
import { auditActor, requireContactsRole, type ContactActor } from './access';

type Db = Kysely<Database>;

/** The choice "a new attribute named after this header". */
export const NEW_ATTRIBUTE = 'new';

export type MappingResult = { ok: true; mapping: ContactMapping } | { ok: false; wrong: string[] };

/** Saves header → choice pairs (all or none); `wrong` lists the headers whose choice cannot be used. */
export async function saveContactMappingChoices(db: Db, actor: ContactActor, pairs: [string, string][], now = Date.now()): Promise<MappingResult> {
	requireContactsRole(actor);
	const known = new Set<string>([...CONTACT_FIELDS, '', ...(await listContactAttributes(db)).map((a) => ATTRIBUTE_PREFIX + a.key)]);
	const mapping: ContactMapping = {};
	const wrong: string[] = [];
	for (const [raw, choice] of pairs) {
		const header = raw.trim();
		const target = choice === NEW_ATTRIBUTE ? ATTRIBUTE_PREFIX + attributeKeyFor(header) : choice;
		if (header === '' || target === ATTRIBUTE_PREFIX || (!known.has(target) && choice !== NEW_ATTRIBUTE)) wrong.push(raw);
		else mapping[header] = target;
	}
	if (wrong.length) return { ok: false, wrong };
	await db.transaction().execute(async (trx) => {
		for (const [header, target] of Object.entries(mapping)) {
			if (target.startsWith(ATTRIBUTE_PREFIX)) await ensureContactAttribute(trx, target.slice(ATTRIBUTE_PREFIX.length), header, now);
		}
		await saveContactMapping(trx, mapping, now);
		await recordAudit(trx, { action: 'contacts.mapping-saved', actor: auditActor(actor), detail: { columns: Object.keys(mapping).length } }, now);
	});
	return { ok: true, mapping };
}
