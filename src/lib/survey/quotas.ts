// Quotas per answer option: at most so many stored responses per option of a single-choice item, or
// per channel. The rules here are pure; counting happens in the storing transaction (repo/quotas.ts).
import { allItems, type Answers, type ChoiceItem, type LocalText, type SurveyDefinition } from './definition';
import { isValidCode } from './indicator-tree';

/** What a quota divides responses by: a single-choice item's answer, or the channel link used. */
export interface QuotaSource {
	kind: 'item' | 'channel';
	/** The item's code; '' for the channel. */
	code: string;
}

/** One group of responses with a quota: an option of the source (an option code or a channel code). */
export interface QuotaKey extends QuotaSource {
	option: string;
}

export interface Quota extends QuotaKey {
	/** At most this many stored responses (0 closes the group). */
	limit: number;
	/** Stored responses in the group, imports included. */
	filled: number;
}

/** The largest limit a form accepts (the column is a 32-bit integer on both engines). */
export const MAX_QUOTA_LIMIT = 999_999_999;

export const CHANNEL_SOURCE: QuotaSource = { kind: 'channel', code: '' };

/** The quota groups a response falls in: its answer to each quota item, and its channel. */
export function quotasMatched(keys: readonly QuotaKey[], answers: Answers, channel: string | null): QuotaKey[] {
	if (keys.length === 0) return [];
	return keys.filter((key) => (key.kind === 'channel' ? key.option === channel : answers[key.code] === key.option));
}

/** The items a quota can divide by: single-choice items (one answer each, so one group each). */
export function quotaItems(definition: SurveyDefinition): ChoiceItem[] {
	return allItems(definition).filter((item): item is ChoiceItem => item.kind === 'single');
}

/** A source as a form value: `channel` or `item:<code>`. */
export function sourceToken(source: QuotaSource): string {
	return source.kind === 'channel' ? 'channel' : `item:${source.code}`;
}

/** The source a form value names, or null for anything else. */
export function parseSourceToken(token: string): QuotaSource | null {
	if (token === 'channel') return CHANNEL_SOURCE;
	const code = token.startsWith('item:') ? token.slice(5) : '';
	return isValidCode(code) ? { kind: 'item', code } : null;
}

export const sameSource = (a: QuotaSource, b: QuotaSource) => a.kind === b.kind && a.code === b.code;

export type LimitsParse = { ok: true; limits: { option: string; limit: number }[] } | { ok: false; errors: Record<string, string> };

/**
 * Reads one limit per option from form fields named `limit.<option>`: empty means no quota for that
 * option; otherwise a whole number from 0 to MAX_QUOTA_LIMIT. Errors are keyed by field name.
 */
export function parseLimits(values: Record<string, string>, options: readonly string[]): LimitsParse {
	const limits: { option: string; limit: number }[] = [];
	const errors: Record<string, string> = {};
	for (const option of options) {
		const text = (values[`limit.${option}`] ?? '').trim();
		if (text === '') continue;
		const limit = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
		if (Number.isInteger(limit) && limit <= MAX_QUOTA_LIMIT) limits.push({ option, limit });
		else errors[`limit.${option}`] = 'quotas.limitInvalid';
	}
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, limits };
}

/** How full a quota is: the share 0–1 (capped at 1 when imports overfill it) and whether it takes no more. */
export function quotaFill(quota: Pick<Quota, 'limit' | 'filled'>): { share: number; full: boolean } {
	const full = quota.filled >= quota.limit;
	return { share: quota.limit === 0 ? 1 : Math.min(1, quota.filled / quota.limit), full };
}

export interface QuotaOptionRow {
	code: string;
	label: LocalText;
	/** null: no quota for this option. */
	limit: number | null;
	filled: number;
}

/** Every source a survey's quotas can use, with its options and their quotas, in the designer's order. */
export interface QuotaGroup extends QuotaSource {
	token: string;
	/** The item's text; null for the channel. */
	label: LocalText | null;
	options: QuotaOptionRow[];
}

/**
 * The channel (when the survey has channels or channel quotas) and each single-choice item, each
 * with its options: the known ones in order, then any option a quota still names but the
 * questionnaire or channel list no longer has.
 */
export function quotaGroups(definition: SurveyDefinition, channels: readonly { code: string; name: LocalText }[], quotas: readonly Quota[]): QuotaGroup[] {
	const sources: { source: QuotaSource; label: LocalText | null; options: { code: string; label: LocalText }[] }[] = [];
	const channelQuotas = quotas.some((q) => q.kind === 'channel');
	if (channels.length > 0 || channelQuotas) sources.push({ source: CHANNEL_SOURCE, label: null, options: channels.map((c) => ({ code: c.code, label: c.name })) });
	for (const item of quotaItems(definition)) sources.push({ source: { kind: 'item', code: item.code }, label: item.text, options: item.options });
	for (const q of quotas) {
		if (q.kind === 'item' && !sources.some((s) => sameSource(s.source, q))) sources.push({ source: { kind: 'item', code: q.code }, label: {}, options: [] });
	}
	return sources.map(({ source, label, options }) => {
		const own = quotas.filter((q) => sameSource(q, source));
		const known = options.map((o) => ({ code: o.code, label: o.label, ...fillOf(own, o.code) }));
		const gone = own.filter((q) => !options.some((o) => o.code === q.option)).map((q) => ({ code: q.option, label: {}, limit: q.limit, filled: q.filled }));
		return { ...source, token: sourceToken(source), label, options: [...known, ...gone] };
	});
}

function fillOf(quotas: readonly Quota[], option: string): { limit: number | null; filled: number } {
	const quota = quotas.find((q) => q.option === option);
	return { limit: quota?.limit ?? null, filled: quota?.filled ?? 0 };
}
