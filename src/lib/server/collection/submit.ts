// The one way a response gets in from a respondent or a client system: validate against the
// survey's current version, then store atomically (repo/responses.ts). Used by the questionnaire
// route and the REST API's server-to-server submission.
import type { Kysely } from 'kysely';
import type { Database, ResponseSource } from '../db/schema';
import { channelExists } from '../repo/channels';
import { findInvitation } from '../repo/invitations';
import { quotaKeysOf } from '../repo/quotas';
import type { StoreRefusal } from '../repo/responses';
import { findVersion, type Survey, type SurveyVersion } from '../repo/surveys';
import { checkRate, type RateCheck } from './rate-limit';
import { writeResponse } from './response-writer';
import type { AnswerErrors, RawAnswers } from '../../survey/answers';
import { readAnswers, validateShown, type Reading } from '../../survey/shown';
import { surveyLanguages, type Answers, type SurveyLanguage } from '../../survey/definition';
import { quotasMatched, type QuotaKey } from '../../survey/quotas';

export interface SubmissionInput {
	survey: Pick<Survey, 'id' | 'currentVersionId' | 'settings' | 'accessMode' | 'updatedAt'>;
	/** The survey's current version when the caller read it with the survey (else it is read here). */
	version?: SurveyVersion;
	/** The survey's quota groups when the caller read them after the survey (else they are read here). */
	quotas?: readonly QuotaKey[];
	/** Answers keyed by answer code: strings from a form (see rawFromForm) or typed JSON values. */
	raw: RawAnswers;
	/** The caller's reading of `raw` against `version` (see readAnswers), used only for that version. */
	reading?: Reading;
	/** One of the survey's languages; anything else falls back to its default language. */
	language?: string | null;
	/** A `?ch=` code: kept when the survey has that channel, else dropped. An invitation's channel wins. */
	channelCode?: string | null;
	invitationToken?: string | null;
	/** Keyed hash of the respondent cookie (cookie duplicate mode), see respondentKey(). */
	respondentKey?: string | null;
	/** When the respondent opened the questionnaire (epoch ms); implausible values are dropped. */
	startedAt?: number | null;
	source: ResponseSource;
	/** Rate limits this post counts against, stored or not (see submitRateChecks). */
	rate?: readonly RateCheck[];
	now?: number;
}

export type SubmissionRefusal = StoreRefusal | 'invitationRequired' | 'invitationInvalid';

export type SubmissionOutcome =
	| { ok: true; responseId: string; answers: Answers }
	| { ok: false; reason: 'invalid'; errors: AnswerErrors; answers: Answers }
	| { ok: false; reason: 'tooMany'; retryAfterS: number }
	| { ok: false; reason: SubmissionRefusal };

/** A start older than this is not a plausible filling session: duration is then unknown. */
const MAX_DURATION_MS = 7 * 24 * 60 * 60_000;

/**
 * Counts the post against its rate limits, validates it and stores it. Outcomes: `ok` (stored and
 * counted), `tooMany` (over a rate limit), `invalid` (per-code message keys, nothing stored), or a
 * refusal: notOpen | notYetOpen | closed | full | quotaFull | versionChanged | surveyChanged |
 * invitationRequired | invitationInvalid | invitationUsed | duplicate.
 */
export async function submitResponse(db: Kysely<Database>, input: SubmissionInput): Promise<SubmissionOutcome> {
	const now = input.now ?? Date.now();
	const checked = await checkSubmission(db, input);
	if (!checked.ok) {
		// A refused post counts against the limits too: a flood of bad posts is a flood.
		const rate = await checkRate(db, input.rate ?? [], now);
		return rate.ok ? checked : { ok: false, reason: 'tooMany', retryAfterS: rate.retryAfterS };
	}
	const { survey } = input;
	const quotas = input.quotas ?? (await quotaKeysOf(db, survey.id));
	const stored = await writeResponse(
		db,
		{
			surveyId: survey.id,
			versionId: checked.versionId,
			surveyStamp: survey.updatedAt,
			language: chooseLanguage(survey.settings, input.language),
			channelCode: checked.channelCode,
			invitationToken: input.invitationToken || null,
			respondentKey: input.respondentKey ?? null,
			source: input.source,
			startedAt: plausibleStart(input.startedAt, now),
			submittedAt: now,
			answers: checked.answers,
			quotas: quotasMatched(quotas, checked.answers, checked.channelCode)
		},
		input.rate ?? []
	);
	return stored.ok ? { ok: true, responseId: stored.responseId, answers: checked.answers } : stored;
}

type Checked = { ok: true; versionId: string; answers: Answers; channelCode: string | null } | Exclude<SubmissionOutcome, { ok: true } | { reason: 'tooMany' }>;

/** Everything that can be judged before the storing transaction: version, invitation, answers, channel. */
async function checkSubmission(db: Kysely<Database>, input: SubmissionInput): Promise<Checked> {
	const { survey } = input;
	const version = await currentVersion(db, input);
	if (!version) return { ok: false, reason: 'notOpen' };
	const token = input.invitationToken || null;
	if (!token && survey.accessMode === 'invitation') return { ok: false, reason: 'invitationRequired' };
	const invitation = token ? await findInvitation(db, survey.id, token) : undefined;
	if (token && !invitation) return { ok: false, reason: 'invitationInvalid' };
	if (invitation?.usedAt) return { ok: false, reason: 'invitationUsed' };
	// Only what the answers show is checked and kept: an answer to a hidden item is never stored.
	const reading = input.reading && version === input.version ? input.reading : readAnswers(version.definition, input.raw);
	const checked = validateShown(version.definition, input.raw, undefined, reading);
	if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors, answers: checked.answers };
	const channelCode = invitation?.channelCode ?? (await knownChannel(db, survey.id, input.channelCode));
	return { ok: true, versionId: version.id, answers: checked.answers, channelCode };
}

/** The survey language to record and render: the wanted one when the survey offers it, else its default. */
export function chooseLanguage(settings: Survey['settings'], wanted: string | null | undefined): SurveyLanguage {
	const offered = settings.languages.filter((l) => (surveyLanguages as readonly string[]).includes(l));
	return offered.find((l) => l === wanted) ?? settings.defaultLanguage ?? offered[0] ?? 'zh-CN';
}

function currentVersion(db: Kysely<Database>, { survey, version }: SubmissionInput): Promise<SurveyVersion | undefined> | SurveyVersion | undefined {
	if (!survey.currentVersionId) return undefined;
	// The storing transaction refuses any other version than the current one (versionChanged).
	return version?.id === survey.currentVersionId ? version : findVersion(db, survey.currentVersionId);
}

async function knownChannel(db: Kysely<Database>, surveyId: string, code: string | null | undefined): Promise<string | null> {
	if (!code) return null;
	return (await channelExists(db, surveyId, code)) ? code : null;
}

function plausibleStart(startedAt: number | null | undefined, now: number): number | null {
	if (typeof startedAt !== 'number' || !Number.isInteger(startedAt)) return null;
	return startedAt <= now && now - startedAt <= MAX_DURATION_MS ? startedAt : null;
}
