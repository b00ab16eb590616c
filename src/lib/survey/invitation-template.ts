// An invitation message's template: a subject and a body per language with the placeholders
// {name}, {link} and {closes}, filled per contact when the campaign is sent.

export interface InvitationTemplate {
	subject: string;
	body: string;
}

export interface InvitationValues {
	name: string;
	link: string;
	closes: string;
}

export const PLACEHOLDERS = ['name', 'link', 'closes'] as const;
export const MAX_SUBJECT = 200;
export const MAX_BODY = 5000;

/** The text with each known placeholder replaced; other braces are left as written. */
export function fillTemplate(text: string, values: InvitationValues): string {
	return text.replace(/\{(name|link|closes)\}/g, (_, key: keyof InvitationValues) => values[key]);
}

/** The message's paragraphs: the filled body split at blank lines. */
export function fillParagraphs(body: string, values: InvitationValues): string[] {
	return fillTemplate(body, values)
		.split(/\r?\n\s*\r?\n/)
		.map((p) => p.trim())
		.filter(Boolean);
}

/** Why a template cannot be sent (a message key), or null: every message needs a subject and the personal link. */
export function templateProblem(template: InvitationTemplate): string | null {
	if (!template.subject.trim()) return 'campaigns.template.subjectMissing';
	if (template.subject.length > MAX_SUBJECT) return 'campaigns.template.subjectTooLong';
	if (template.body.length > MAX_BODY) return 'campaigns.template.bodyTooLong';
	if (!template.body.includes('{link}')) return 'campaigns.template.linkMissing';
	const unknown = [...template.body.matchAll(/\{(\w+)\}/g), ...template.subject.matchAll(/\{(\w+)\}/g)].find(
		(m) => !(PLACEHOLDERS as readonly string[]).includes(m[1])
	);
	return unknown ? 'campaigns.template.unknownPlaceholder' : null;
}

/** The language a contact is written to: theirs when the survey offers it, else the survey's default. */
export function recipientLanguage<L extends string>(contactLanguage: string | null, offered: readonly L[], fallback: L): L {
	return offered.find((l) => l === contactLanguage) ?? fallback;
}
