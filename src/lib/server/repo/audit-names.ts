import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

/** The ids, emails and codes a page of audit entries refers to. */
export interface AuditRefs {
	userIds: Set<string>;
	userEmails: Set<string>;
	surveyIds: Set<string>;
	surveyCodes: Set<string>;
	systemIds: Set<string>;
	roundIds: Set<string>;
	contactIds: Set<string>;
	campaignIds: Set<string>;
}

/** A name in both languages; objects with one name carry it twice. */
export interface BilingualName {
	zh: string;
	en: string;
}

/** What those refer to today; an object deleted since is absent from its map. */
export interface AuditNames {
	users: Map<string, string>;
	usersByEmail: Map<string, string>;
	surveys: Map<string, string>;
	surveysByCode: Map<string, string>;
	systems: Map<string, BilingualName>;
	/** AHP round id → the name of the indicator system it weighs. */
	rounds: Map<string, BilingualName>;
	contacts: Map<string, string>;
	campaigns: Map<string, string>;
}

export function emptyRefs(): AuditRefs {
	return { userIds: new Set(), userEmails: new Set(), surveyIds: new Set(), surveyCodes: new Set(), systemIds: new Set(), roundIds: new Set(), contactIds: new Set(), campaignIds: new Set() };
}

/** `run(values)` only when there is something to look up: an empty `in ()` is not valid SQL. */
async function lookUp<R>(values: Set<string>, run: (values: string[]) => Promise<R[]>): Promise<R[]> {
	return values.size === 0 ? [] : run([...values]);
}

/** Names of everything a page of audit entries refers to, one query per kind of object. */
export async function findAuditNames(db: Db, refs: AuditRefs): Promise<AuditNames> {
	const users = await lookUp(new Set([...refs.userIds, ...refs.userEmails]), (v) =>
		db.selectFrom('users').select(['id', 'email', 'name']).where((eb) => eb.or([eb('id', 'in', v), eb('email', 'in', v)])).execute()
	);
	const surveys = await lookUp(new Set([...refs.surveyIds, ...refs.surveyCodes]), (v) =>
		db.selectFrom('surveys').select(['id', 'code', 'title']).where((eb) => eb.or([eb('id', 'in', v), eb('code', 'in', v)])).execute()
	);
	const systems = await lookUp(refs.systemIds, (v) => db.selectFrom('indicator_systems').select(['id', 'name_zh', 'name_en']).where('id', 'in', v).execute());
	const rounds = await lookUp(refs.roundIds, (v) =>
		db.selectFrom('ahp_rounds').innerJoin('indicator_systems', 'indicator_systems.id', 'ahp_rounds.system_id').select(['ahp_rounds.id', 'name_zh', 'name_en']).where('ahp_rounds.id', 'in', v).execute()
	);
	const contacts = await lookUp(refs.contactIds, (v) => db.selectFrom('contacts').select(['id', 'name', 'email']).where('id', 'in', v).execute());
	const campaigns = await lookUp(refs.campaignIds, (v) => db.selectFrom('campaigns').select(['id', 'name']).where('id', 'in', v).execute());
	const bilingual = (r: { name_zh: string; name_en: string }) => ({ zh: r.name_zh, en: r.name_en || r.name_zh });
	return {
		users: new Map(users.map((u) => [u.id, u.name || u.email])),
		usersByEmail: new Map(users.map((u) => [u.email, u.name || u.email])),
		surveys: new Map(surveys.map((s) => [s.id, s.title])),
		surveysByCode: new Map(surveys.map((s) => [s.code, s.title])),
		systems: new Map(systems.map((s) => [s.id, bilingual(s)])),
		rounds: new Map(rounds.map((r) => [r.id, bilingual(r)])),
		contacts: new Map(contacts.map((c) => [c.id, c.name || c.email || ''])),
		campaigns: new Map(campaigns.map((c) => [c.id, c.name]))
	};
}
