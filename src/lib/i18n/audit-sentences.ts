// An audit entry read as a sentence: who did what to which object, in the reader's language, with
// names where the log stored ids. The server looks the names up; this module only words them.

/** The groups of actions an administrator filters by. */
export const auditKinds = ['signIn', 'users', 'tokens', 'systems', 'surveys', 'data', 'contacts', 'mail'] as const;
export type AuditKind = (typeof auditKinds)[number];

const kindByPrefix: Record<string, AuditKind> = {
	setup: 'signIn',
	login: 'signIn',
	logout: 'signIn',
	user: 'users',
	token: 'tokens',
	system: 'systems',
	ahp: 'systems',
	survey: 'surveys',
	report: 'surveys',
	channel: 'surveys',
	invitations: 'surveys',
	demo: 'surveys',
	data: 'data',
	contacts: 'contacts',
	contact: 'contacts',
	'contact-segment': 'contacts',
	campaign: 'mail',
	mail: 'mail',
	jobs: 'mail'
};

export function isAuditKind(value: unknown): value is AuditKind {
	return typeof value === 'string' && (auditKinds as readonly string[]).includes(value);
}

/** The group of an action (`survey.status` → surveys); an action of a new area counts as surveys until it has its own. */
export function auditKindOf(action: string): AuditKind {
	return kindByPrefix[action.split('.')[0]] ?? 'surveys';
}

/** What an entry is about; `name` null when the object was deleted since, or is personal data the reader may not see. */
export interface AuditObject {
	kind: 'user' | 'survey' | 'system' | 'contact' | 'file' | 'campaign';
	name: string | null;
}

export interface AuditFacts {
	action: string;
	/** The actor's name; null when nobody was signed in (a visitor, the command line). */
	actor: string | null;
	target: AuditObject | null;
	/** The entry's detail, with references to other objects (`with`, `user`, `from`, `campaign`) as objects. */
	detail: Record<string, unknown>;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Objects written in quotes: titles and names of things, not of people. */
const quoted = new Set<AuditObject['kind']>(['survey', 'system', 'file', 'campaign']);

function objectText(object: AuditObject, t: Translate): string {
	if (object.name === null || object.name === '') return t(`audit.gone.${object.kind}`);
	return quoted.has(object.kind) ? `“${object.name}”` : object.name;
}

/** Detail values that are codes, and the catalogue prefix of their display names. */
function labelPrefix(action: string, param: string): string | null {
	if (param === 'role' || param === 'to' || param === 'from') return 'roles.';
	if (param === 'method') return 'report.method.';
	if (param === 'status') return action.startsWith('ahp.') ? 'ahp.status.' : 'surveys.status.';
	if (param === 'access' || param === 'scope' || param === 'change') return `audit.value.${param}.`;
	return null;
}

/** Entries whose detail turns the sentence around: a restore is not an archive, an unsubscribe has no actor. */
function variant(facts: AuditFacts): string {
	const { action, detail } = facts;
	if (action === 'login.throttled' && !facts.target) return '.client';
	if (action === 'ahp.experts-excluded' && detail.excluded === false) return '.included';
	if (action === 'system.archived' && detail.archived === false) return '.restored';
	if (action === 'survey.open-answers-shared' && detail.shared === false) return '.withdrawn';
	if (action === 'contact.opted-out' && detail.via === 'unsubscribe') return '.unsubscribe';
	return '';
}

function actorText(facts: AuditFacts, t: Translate): string {
	if (facts.actor) return facts.actor;
	return t(facts.detail.via === 'command line' ? 'audit.commandLine' : 'audit.someone');
}

function params(facts: AuditFacts, t: Translate): Record<string, string | number> {
	const out: Record<string, string | number> = { actor: actorText(facts, t), target: facts.target ? objectText(facts.target, t) : '' };
	for (const [name, value] of Object.entries(facts.detail)) {
		if (value !== null && typeof value === 'object' && 'kind' in value) out[name] = objectText(value as AuditObject, t);
		else if (typeof value === 'string' || typeof value === 'number') {
			const prefix = labelPrefix(facts.action, name);
			out[name] = prefix ? t(`${prefix}${value}`) : value;
		}
	}
	return out;
}

/**
 * The entry as one sentence in the translator's language ("Ann Lee published version 2 of
 * “Branch survey”."); an action without a sentence of its own reads as its label.
 */
export function auditSentence(facts: AuditFacts, t: Translate): string {
	const key = `audit.sentence.${facts.action}${variant(facts)}`;
	const sentence = t(key, params(facts, t));
	return sentence === key ? t(`audit.action.${facts.action}`) : sentence;
}
