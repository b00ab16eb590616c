import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { randomToken } from '../ids';

type Db = Kysely<Database>;

/** Security and administration events; `action` is also the message key suffix `audit.<action>`. */
export type AuditAction =
	| 'setup'
	| 'login.success'
	| 'login.failure'
	| 'login.throttled'
	| 'logout.all'
	| 'user.created'
	| 'user.role'
	| 'user.deactivated'
	| 'user.reactivated'
	| 'user.password-reset-issued'
	| 'user.password-reset-used'
	| 'user.password-changed'
	| 'ahp.round-created'
	| 'ahp.experts-invited'
	| 'ahp.experts-excluded'
	| 'ahp.round-status'
	| 'ahp.applied'
	| 'data.import'
	| 'data.export'
	| 'token.created'
	| 'token.revoked'
	| 'system.created'
	| 'system.duplicated'
	| 'system.renamed'
	| 'system.archived'
	| 'system.changed'
	| 'survey.created'
	| 'survey.draft-saved'
	| 'survey.settings-changed'
	| 'survey.quotas-changed'
	| 'survey.published'
	| 'survey.status'
	| 'survey.shared'
	| 'survey.unshared'
	| 'demo.loaded'
	| 'report.weight-method'
	| 'channel.created'
	| 'channel.deleted'
	| 'invitations.created'
	| 'mail.test-queued'
	| 'jobs.retried'
	| 'contacts.imported'
	| 'contacts.mapping-saved'
	| 'contact.updated'
	| 'contact.opted-out'
	| 'contact.deleted'
	| 'campaign.created'
	| 'campaign.sent'
	| 'campaign.test-sent';

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
	actorEmail: string | null;
	action: string;
	target: string | null;
	detail: Record<string, unknown>;
	client: string | null;
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

/** Newest first; `before` (epoch-ms) pages backwards. */
export async function listAudit(db: Db, options: { limit: number; before?: number }): Promise<AuditEntry[]> {
	let query = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(options.limit);
	if (options.before !== undefined) query = query.where('at', '<', options.before);
	const rows = await query.execute();
	return rows.map((r) => ({
		id: r.id,
		at: Number(r.at),
		actorEmail: r.actor_email,
		action: r.action,
		target: r.target,
		detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {},
		client: r.client
	}));
}
