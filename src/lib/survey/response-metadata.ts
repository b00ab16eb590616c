// What may be recorded about a response besides its answers, when a file or a client system says
// so (the web form records its own clock, the link's channel and the page's language): a submission
// time that has happened and is not from before the survey tools of the day, a channel the survey
// keeps, one of the survey's languages. Used by CSV import (page, API, command line) and the API's
// response creation alike. Pure: the clock comes in as `now`.
import type { SurveyLanguage } from './definition';
import { zonedToEpoch } from './zoned-time';

/** Submission times before the first day of this year (in the survey's time zone) are refused. */
export const EARLIEST_SUBMISSION_YEAR = 1990;
/** How far a submission time may lie ahead of `now`: the sender's clock may run a little fast. */
export const CLOCK_SKEW_MINUTES = 5;

export interface MetadataRules {
	/** Epoch ms of the check. */
	now: number;
	/** The survey's IANA time zone. */
	timeZone: string;
	languages: readonly SurveyLanguage[];
	/** The survey's channel codes. */
	channels: readonly string[];
}

/** Metadata as given; null or undefined: not given. */
export interface MetadataInput {
	/** Epoch ms. */
	submittedAt?: number | null;
	channel?: string | null;
	language?: string | null;
}

export interface ResponseMetadata {
	submittedAt: number | null;
	channel: string | null;
	language: SurveyLanguage | null;
}

/** A refused field: a `data.metadata.*` message key with its placeholders. */
export interface MetadataIssue {
	key: string;
	params?: Record<string, string | number>;
}

export type MetadataField = keyof ResponseMetadata;
export type MetadataCheck = { ok: true; metadata: ResponseMetadata } | { ok: false; errors: Partial<Record<MetadataField, MetadataIssue>> };

/** One of the survey's languages, matched without regard to case or region (`zh` → `zh-CN`). */
function matchLanguage(text: string, languages: readonly SurveyLanguage[]): SurveyLanguage | undefined {
	const lower = text.toLowerCase();
	return languages.find((l) => l.toLowerCase() === lower) ?? languages.find((l) => l.split('-')[0].toLowerCase() === lower);
}

/**
 * The check of a response's metadata against its survey, built once per survey and clock (an
 * import calls it per row): every field given must be acceptable, or the response is refused with
 * one issue per bad field — nothing is dropped or replaced silently. Languages come back as the
 * survey spells them; empty texts count as not given.
 */
export function metadataChecker(rules: MetadataRules): (input: MetadataInput) => MetadataCheck {
	const latest = rules.now + CLOCK_SKEW_MINUTES * 60_000;
	const earliest = zonedToEpoch(`${EARLIEST_SUBMISSION_YEAR}-01-01T00:00`, rules.timeZone)!;
	const channels = new Set(rules.channels);
	const unknownLanguage: MetadataIssue = { key: 'data.metadata.unknownLanguage', params: { languages: rules.languages.join(', ') } };
	return (input) => {
		const errors: Partial<Record<MetadataField, MetadataIssue>> = {};
		const submittedAt = input.submittedAt ?? null;
		if (submittedAt !== null && submittedAt > latest) errors.submittedAt = { key: 'data.metadata.future', params: { minutes: CLOCK_SKEW_MINUTES } };
		if (submittedAt !== null && submittedAt < earliest) errors.submittedAt = { key: 'data.metadata.beforeEarliest', params: { year: EARLIEST_SUBMISSION_YEAR } };
		const channel = input.channel?.trim() || null;
		if (channel !== null && !channels.has(channel)) errors.channel = { key: 'data.metadata.unknownChannel' };
		const languageText = input.language?.trim() || null;
		const language = languageText === null ? null : (matchLanguage(languageText, rules.languages) ?? null);
		if (languageText !== null && language === null) errors.language = unknownLanguage;
		if (Object.keys(errors).length > 0) return { ok: false, errors };
		return { ok: true, metadata: { submittedAt, channel, language } };
	};
}
