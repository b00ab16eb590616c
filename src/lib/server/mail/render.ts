// Pure rendering of a message's two parts from already-translated texts.
import type { Locale } from '../../i18n/locales';
import type { OutgoingMail } from './message';

export interface MailContent {
	subject: string;
	paragraphs: string[];
	/** A button in HTML, a bare address on its own line in text. */
	action?: { label: string; url: string };
}

export interface MailFooter {
	/** Why the reader got it, e.g. "This message was sent to a@example.com." */
	sentTo: string;
	/** Introduces the unsubscribe address in the text part. */
	unsubscribePrompt: string;
	unsubscribeLabel: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function textPart(content: MailContent, footer: MailFooter, unsubscribeUrl: string): string {
	const blocks = [...content.paragraphs];
	if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
	blocks.push(`--\n${footer.sentTo}\n${footer.unsubscribePrompt} ${unsubscribeUrl}`);
	return blocks.join('\n\n') + '\n';
}

function htmlPart(locale: Locale, content: MailContent, footer: MailFooter, unsubscribeUrl: string): string {
	const paragraphs = content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
	if (content.action) paragraphs.push(`<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>`);
	const foot = `<p style="color:#555;font-size:13px">${escapeHtml(footer.sentTo)} <a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(footer.unsubscribeLabel)}</a></p>`;
	return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head><body style="font-family:sans-serif;line-height:1.5">${paragraphs.join('')}<hr>${foot}</body></html>`;
}

/** The full message for one recipient. */
export function renderMail(to: string, locale: Locale, content: MailContent, footer: MailFooter, ids: { messageId: string; unsubscribeUrl: string }): OutgoingMail {
	return {
		to,
		locale,
		subject: content.subject,
		text: textPart(content, footer, ids.unsubscribeUrl),
		html: htmlPart(locale, content, footer, ids.unsubscribeUrl),
		messageId: ids.messageId,
		unsubscribeUrl: ids.unsubscribeUrl
	};
}
