import type { Kysely } from 'kysely';
import { auditKindOf, isAuditKind, type AuditFacts, type AuditKind, type AuditObject } from '../../i18n/audit-sentences';
import type { Locale } from '../../i18n/locales';
import { zonedToEpoch } from '../../survey/zoned-time';
import { hasRole } from '../auth/guards';
import type { Database } from '../db/schema';
import { auditActions, listAudit, type AuditCursor, type AuditEntry, type AuditFilter } from '../repo/audit';
import { emptyRefs, findAuditNames, type AuditNames, type AuditRefs } from '../repo/audit-names';
import { listUsers, type User } from '../repo/users';

type Db = Kysely<Database>;

export const AUDIT_PAGE_SIZE = 50;

/** The filters as the page's form sends them: all optional, dates as `YYYY-MM-DD` in the server's zone. */
export interface AuditQuery {
	who: string;
	what: AuditKind | '';
	from: string;
	to: string;
	before?: AuditCursor;
}

export interface AuditLine {
	id: string;
	at: number;
	kind: AuditKind;
	facts: AuditFacts;
}

export interface AuditPage {
	lines: AuditLine[];
	/** Everyone who may have acted, for the "who" filter. */
	people: { id: string; name: string }[];
	/** The cursor of the next (older) page, as `at.id`; null on the last page. */
	next: string | null;
	/** The dates do not read as a range: the filter shows all dates and says so. */
	invalidDates: boolean;
}

/** Reads the form's fields; anything unreadable counts as not given. */
export function parseAuditQuery(params: URLSearchParams): AuditQuery {
	const what = params.get('what') ?? '';
	const cursor = /^(\d+)\.(\w+)$/.exec(params.get('before') ?? '');
	return {
		who: params.get('who') ?? '',
		what: isAuditKind(what) ? what : '',
		from: (params.get('from') ?? '').trim(),
		to: (params.get('to') ?? '').trim(),
		before: cursor ? { at: Number(cursor[1]), id: cursor[2] } : undefined
	};
}

/** Midnight after the day that starts at `dayStart` in `timeZone`, found from noon so a 23- or 25-hour day still lands on it. */
function nextMidnight(dayStart: number, timeZone: string): number | null {
	return zonedToEpoch(new Date(dayStart + 36 * 3_600_000).toISOString().slice(0, 10) + 'T00:00', timeZone);
}

/** The dates as epoch-ms, `to` after its whole day; null when they do not read as a range. */
function dateRange(query: AuditQuery, timeZone: string): { from?: number; to?: number } | null {
	const from = query.from ? zonedToEpoch(`${query.from}T00:00`, timeZone) : undefined;
	const toDay = query.to ? zonedToEpoch(`${query.to}T00:00`, timeZone) : undefined;
	const to = toDay === undefined || toDay === null ? toDay : nextMidnight(toDay, timeZone);
	if (from === null || to === null || (from !== undefined && to !== undefined && from >= to)) return null;
	return { from, to };
}

function toFilter(query: AuditQuery, range: { from?: number; to?: number } | null): AuditFilter {
	return {
		actorId: query.who || undefined,
		actions: query.what ? auditActions.filter((a) => auditKindOf(a) === query.what) : undefined,
		...range
	};
}

type RefKind = keyof AuditRefs;

/** Where an action's target points. */
function targetRef(action: string): { refs: RefKind | null; object: AuditObject['kind'] } | null {
	const area = action.split('.')[0];
	if (action === 'ahp.applied' || area === 'system') return { refs: 'systemIds', object: 'system' };
	if (area === 'ahp') return { refs: 'roundIds', object: 'system' };
	if (area === 'data') return { refs: 'surveyCodes', object: 'survey' };
	if (['survey', 'report', 'channel', 'invitations', 'campaign'].includes(area)) return { refs: 'surveyIds', object: 'survey' };
	if (area === 'contact') return { refs: 'contactIds', object: 'contact' };
	if (action === 'contacts.imported') return { refs: null, object: 'file' };
	if (['setup', 'login', 'logout', 'user', 'mail'].includes(area)) return { refs: 'userEmails', object: 'user' };
	return null;
}

/** Detail fields that hold the id or email of another object. */
const detailRefs: Record<string, Record<string, { refs: RefKind; object: AuditObject['kind'] }>> = {
	'survey.shared': { with: { refs: 'userEmails', object: 'user' } },
	'survey.unshared': { user: { refs: 'userIds', object: 'user' } },
	'system.duplicated': { from: { refs: 'systemIds', object: 'system' } },
	'campaign.sent': { campaign: { refs: 'campaignIds', object: 'campaign' } },
	'campaign.test-sent': { campaign: { refs: 'campaignIds', object: 'campaign' } }
};

function collectRefs(entries: readonly AuditEntry[]): AuditRefs {
	const refs = emptyRefs();
	for (const e of entries) {
		if (e.actorId) refs.userIds.add(e.actorId);
		const target = targetRef(e.action);
		if (target?.refs && e.target) refs[target.refs].add(e.target);
		for (const [field, ref] of Object.entries(detailRefs[e.action] ?? {})) if (typeof e.detail[field] === 'string') refs[ref.refs].add(e.detail[field] as string);
	}
	return refs;
}

/** The name of what `value` points to, in the reader's language; people by email keep the email when they have no account. */
function nameOf(names: AuditNames, refs: RefKind | null, value: string, locale: Locale): string | null {
	const local = (n: { zh: string; en: string } | undefined) => (n ? (locale === 'en' ? n.en : n.zh) : null);
	switch (refs) {
		case null: return value;
		case 'userIds': return names.users.get(value) ?? null;
		case 'userEmails': return names.usersByEmail.get(value) ?? value;
		case 'surveyIds': return names.surveys.get(value) ?? null;
		case 'surveyCodes': return names.surveysByCode.get(value) ?? null;
		case 'systemIds': return local(names.systems.get(value));
		case 'roundIds': return local(names.rounds.get(value));
		case 'contactIds': return names.contacts.get(value) ?? null;
		case 'campaignIds': return names.campaigns.get(value) ?? null;
	}
}

function factsOf(e: AuditEntry, names: AuditNames, locale: Locale, personal: boolean): AuditFacts {
	const object = (ref: { refs: RefKind | null; object: AuditObject['kind'] }, value: string): AuditObject => ({
		kind: ref.object,
		name: ref.object === 'contact' && !personal ? null : nameOf(names, ref.refs, value, locale)
	});
	const target = targetRef(e.action);
	const detail: Record<string, unknown> = { ...e.detail };
	for (const [field, ref] of Object.entries(detailRefs[e.action] ?? {})) if (typeof detail[field] === 'string') detail[field] = object(ref, detail[field] as string);
	return {
		action: e.action,
		actor: e.actorId ? (names.users.get(e.actorId) ?? e.actorEmail) : e.actorEmail,
		target: e.target !== null && target ? object(target, e.target) : null,
		detail
	};
}

/**
 * One page of the audit log for an administrator, newest first, filtered by who, what and when,
 * with names in place of ids. Contact names only reach readers who may see the contact list.
 */
export async function readAuditLog(db: Db, reader: User, locale: Locale, timeZone: string, query: AuditQuery): Promise<AuditPage> {
	const range = dateRange(query, timeZone);
	const entries = await listAudit(db, { limit: AUDIT_PAGE_SIZE, before: query.before, filter: toFilter(query, range) });
	const names = await findAuditNames(db, collectRefs(entries));
	const personal = hasRole(reader, 'researcher');
	const people = (await listUsers(db)).map((u) => ({ id: u.id, name: u.name || u.email }));
	const last = entries.at(-1);
	return {
		lines: entries.map((e) => ({ id: e.id, at: e.at, kind: auditKindOf(e.action), facts: factsOf(e, names, locale, personal) })),
		people,
		next: entries.length === AUDIT_PAGE_SIZE && last ? `${last.at}.${last.id}` : null,
		invalidDates: range === null
	};
}
