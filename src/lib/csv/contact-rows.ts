/**
 * Contact rows of an import file: which column feeds which field (external id, name, email,
 * language or an attribute), and the rules each row must meet — an identity (external id or
 * email), a well-formed email, a known language, no identity twice in one file. Pure.
 */
import type { CellError, CsvIssue } from './issues';

export const CONTACT_FIELDS = ['externalId', 'name', 'email', 'language'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
/** A field, `attr:<key>`, or '' (ignore the column). */
export type ContactTarget = string;
export type ContactMapping = Record<string, ContactTarget>;
export type ContactLanguage = 'zh-CN' | 'en';

export interface ContactRow {
	/** Spreadsheet row (header = 1). */
	row: number;
	externalId: string | null;
	email: string | null;
	/** null: the file gives none (a stored name stays). */
	name: string | null;
	language: ContactLanguage | null;
	attributes: Record<string, string>;
}

export const ATTRIBUTE_PREFIX = 'attr:';
export const MAX_EXTERNAL_ID = 100;
export const MAX_NAME = 200;
export const MAX_ATTRIBUTE_VALUE = 500;

/** Headers taken as a field without asking (compared lower-cased, spaces and dashes as '_'). */
const HEADER_ALIASES: Record<string, ContactField> = {
	external_id: 'externalId', externalid: 'externalId', id: 'externalId', customer_id: 'externalId', 客户编号: 'externalId', 编号: 'externalId',
	name: 'name', 姓名: 'name', 名称: 'name', 客户名称: 'name',
	email: 'email', e_mail: 'email', mail: 'email', 邮箱: 'email', 电子邮箱: 'email', 电子邮件: 'email',
	language: 'language', lang: 'language', 语言: 'language'
};

const LANGUAGE_NAMES: Record<string, ContactLanguage> = {
	zh: 'zh-CN', 'zh-cn': 'zh-CN', 'zh-hans': 'zh-CN', chinese: 'zh-CN', 中文: 'zh-CN', 简体中文: 'zh-CN', 汉语: 'zh-CN',
	en: 'en', 'en-us': 'en', 'en-gb': 'en', english: 'en', 英文: 'en', 英语: 'en'
};

const aliasKey = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * An email address as stored and compared: trimmed and lower-cased as a whole (mail systems treat
 * the local part case-insensitively in practice, and one customer should not be two contacts);
 * undefined when it is not a plausible address (one @, a dotted domain, no spaces, at most 254 characters).
 */
export function normaliseEmail(text: string): string | undefined {
	const email = text.trim().toLowerCase();
	if (email.length > 254) return undefined;
	const match = /^([^\s@"<>(),;:\\[\]]{1,64})@([^\s@"<>(),;:\\[\]_]+)$/u.exec(email);
	if (!match) return undefined;
	const labels = match[2].split('.');
	const wellFormed = labels.length >= 2 && labels.every((l) => l.length > 0 && l.length <= 63 && !l.startsWith('-') && !l.endsWith('-'));
	return wellFormed && !match[1].startsWith('.') && !match[1].endsWith('.') && !match[1].includes('..') ? email : undefined;
}

/** A preferred language from a cell: null when empty, undefined when unknown (zh, EN, 中文, English… match). */
export function parseContactLanguage(text: string): ContactLanguage | null | undefined {
	const key = text.trim().toLowerCase().replace(/_/g, '-');
	if (key === '') return null;
	return LANGUAGE_NAMES[key];
}

/** An attribute key from a header: lower-case letters, digits and '_' (Chinese letters kept), at most 40 characters; '' when nothing is left. */
export function attributeKeyFor(header: string): string {
	return header
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 40);
}

/** Whether a mapping target is one an import can use: a field, '' (ignore) or `attr:` with a key as attributeKeyFor makes them. */
export function isContactTarget(target: string): boolean {
	if (target === '' || (CONTACT_FIELDS as readonly string[]).includes(target)) return true;
	const key = target.startsWith(ATTRIBUTE_PREFIX) ? target.slice(ATTRIBUTE_PREFIX.length) : '';
	return key !== '' && attributeKeyFor(key) === key;
}

export type ContactPlan =
	| { ok: true; targets: ContactTarget[] }
	| { ok: false; unknown: string[]; errors: CellError[] };

const headerError = (column: string, reason: CsvIssue): CellError => ({ row: 1, column, value: column, reason });

/**
 * What each column feeds: a remembered choice first, then a well-known header. Headers with
 * neither are `unknown` (to be mapped on the mapping screen); a column twice, two columns for one
 * target, or no identity column at all are header errors.
 */
export function planContactColumns(header: readonly string[], remembered: ContactMapping): ContactPlan {
	const targets: ContactTarget[] = [];
	const unknown: string[] = [];
	const errors: CellError[] = [];
	const fedBy = new Map<string, string>();
	for (const [i, cell] of header.entries()) {
		if (header.indexOf(cell) !== i) errors.push(headerError(cell, { code: 'data.import.duplicateHeader' }));
		const target = remembered[cell] ?? HEADER_ALIASES[aliasKey(cell)];
		if (target === undefined) {
			if (cell !== '') unknown.push(cell);
			targets.push('');
			continue;
		}
		const other = target === '' ? undefined : fedBy.get(target);
		if (other !== undefined) errors.push(headerError(cell, { code: 'contacts.import.sameTarget', params: { other } }));
		if (target !== '') fedBy.set(target, cell);
		targets.push(target);
	}
	if (unknown.length === 0 && !fedBy.has('externalId') && !fedBy.has('email')) {
		errors.push(headerError('', { code: 'contacts.import.noIdentityColumn' }));
	}
	return unknown.length || errors.length ? { ok: false, unknown, errors } : { ok: true, targets };
}

type RowCheck = (cells: string[], row: number, errors: CellError[]) => ContactRow | undefined;

/**
 * A checker of data rows for a plan's targets. It remembers each external id and email it has
 * seen, so a second row for the same customer is an error naming the first.
 */
export function contactRowChecker(header: readonly string[], targets: readonly ContactTarget[]): RowCheck {
	const seenIds = new Map<string, number>();
	const seenEmails = new Map<string, number>();
	return (cells, row, errors) => {
		const before = errors.length;
		const fail = (i: number, reason: CsvIssue) => errors.push({ row, column: header[i], value: (cells[i] ?? '').trim(), reason });
		const contact: ContactRow = { row, externalId: null, email: null, name: null, language: null, attributes: {} };
		const tooLong = (i: number, text: string, max: number) => text.length > max && (fail(i, { code: 'contacts.import.tooLong', params: { max } }), true);
		for (const [i, target] of targets.entries()) {
			const text = (cells[i] ?? '').trim();
			if (target === '' || text === '') continue;
			if (target === 'externalId') {
				if (!tooLong(i, text, MAX_EXTERNAL_ID)) contact.externalId = text;
			} else if (target === 'name') {
				if (!tooLong(i, text, MAX_NAME)) contact.name = text;
			} else if (target === 'email') {
				const email = normaliseEmail(text);
				if (email === undefined) fail(i, { code: 'contacts.import.badEmail' });
				else contact.email = email;
			} else if (target === 'language') {
				const language = parseContactLanguage(text);
				if (language === undefined) fail(i, { code: 'contacts.import.badLanguage' });
				else contact.language = language;
			} else if (target.startsWith(ATTRIBUTE_PREFIX) && !tooLong(i, text, MAX_ATTRIBUTE_VALUE)) {
				contact.attributes[target.slice(ATTRIBUTE_PREFIX.length)] = text;
			}
		}
		const column = (field: ContactField) => targets.indexOf(field);
		if (contact.externalId === null && contact.email === null && errors.length === before) {
			errors.push({ row, column: '', value: '', reason: { code: 'contacts.import.noIdentity' } });
		}
		const repeat = (seen: Map<string, number>, key: string | null, field: ContactField) => {
			if (key === null) return;
			const first = seen.get(key);
			if (first !== undefined) fail(column(field), { code: 'contacts.import.duplicate', params: { first } });
			else seen.set(key, row);
		};
		repeat(seenIds, contact.externalId, 'externalId');
		repeat(seenEmails, contact.email, 'email');
		return errors.length === before ? contact : undefined;
	};
}
