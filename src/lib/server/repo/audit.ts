import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { randomToken } from '../ids';

type Db = Kysely<Database>;

/** Security and administration events; `action` is also the message key suffix `audit.<action>`. */
export const auditActions = [
	'setup',
	'login.success',
	'login.failure',
	'login.throttled',
	'logout.all',
	'user.created',
	'user.role',
	'user.deactivated',
	'user.reactivated',
	'user.password-reset-issued',
	'user.password-reset-used',
	'user.password-changed',
	'ahp.round-created',
	'ahp.experts-invited',
	'ahp.experts-excluded',
	'ahp.round-status',
	'ahp.applied',
	'data.import',
	'data.export',
	'token.created',
	'token.revoked',
	'system.created',
	'system.duplicated',
	'system.renamed',
	'system.archived',
	'system.changed',
	'survey.created',
	'survey.draft-saved',
	'survey.settings-changed',
	'survey.quotas-changed',
	'survey.published',
	'survey.status',
	'survey.shared',
	'survey.unshared',
	'survey.open-answers-shared',
	'demo.loaded',
	'report.weight-method',
	'channel.created',
	'channel.deleted',
	'invitations.created',
	'mail.test-queued',
	'jobs.retried',
	'contacts.imported',
	'contacts.mapping-saved',
	'contacts.segments-marked',
	'contact-segment.saved',
	'contact-segment.deleted',
	'contact.updated',
	'contact.opted-out',
	'contact.deleted',
	'campaign.created',
	'campaign.sent',
	'campaign.test-sent'
] as const;

export type AuditAction = (typeof auditActions)[number];

export interface AuditEvent {
	action: AuditAction;
	actor?: { id: string; email: string } | null;
	target?: string | null;
	detail?: Record<string, string | number | boolean | null>;
	/** A keyed hash of the client address: correlates attempts without storing the raw IP. */
	client?: string | null;
}

export interface AuditEntry {
	id: string;
	at: number;
	actorId: string | null;
	actorEmail: string | null;
	action: string;
	target: string | null;
	detail: Record<string, unknown>;
	client: string | null;
}

/** Which entries to read: by whom, which actions, and from/to (epoch-ms, `to` exclusive). */
export interface AuditFilter {
	actorId?: string;
	actions?: readonly string[];
	from?: number;
	to?: number;
}

/** Where a page of entries ends: the next page starts after this entry (newest first). */
export interface AuditCursor {
	at: number;
	id: string;
}

export async function recordAudit(db: Db, event: AuditEvent, now = Date.now()): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			id: randomToken(),
			at: now,
			actor_id: event.actor?.id ?? null,
			actor_email: event.actor?.email ?? null,
			action: event.action,
			target: event.target ?? null,
			detail: event.detail ? JSON.stringify(event.detail) : null,
			client: event.client ?? null
		})
		.execute();
}

/** Whether this actor recorded this action on this target at or after `since` (the `at` index keeps it cheap). */
export async function auditedSince(db: Db, event: { action: AuditAction; actor: { id: string }; target: string }, since: number): Promise<boolean> {
	const row = await db
		.selectFrom('audit_log')
		.select('id')
		.where('at', '>=', since)
		.where('action', '=', event.action)
		.where('target', '=', event.target)
		.where('actor_id', '=', event.actor.id)
		.executeTakeFirst();
	return row !== undefined;
}

/** Newest first, filtered; `before` pages backwards from the last entry of the previous page. */
export async function listAudit(db: Db, options: { limit: number; before?: AuditCursor; filter?: AuditFilter }): Promise<AuditEntry[]> {
	const { before, filter = {} } = options;
	let query = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(options.limit);
	if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
	if (filter.actions !== undefined) query = query.where('action', 'in', filter.actions.length > 0 ? [...filter.actions] : ['']);
	if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
	if (filter.to !== undefined) query = query.where('at', '<', filter.to);
	// Entries of one millisecond are ordered by id, so a page never skips or repeats one.
	if (before) query = query.where((eb) => eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]));
	const rows = await query.execute();
	return rows.map((r) => ({
		id: r.id,
		at: Number(r.at),
		actorId: r.actor_id,
		actorEmail: r.actor_email,
		action: r.action,
		target: r.target,
		detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {},
		client: r.client
	}));
}
