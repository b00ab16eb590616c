// The operations behind /api/v1 routes, each taking the database first so the integration tests run
// them on both engines; routes only authenticate through these and shape the HTTP answer.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { submitResponse } from '../collection/submit';
import { ApiError, type ApiCaller } from '../auth/api-tokens';
import { responsesPage } from '../repo/exports';
import { listQuotas } from '../repo/quotas';
import { findVersion, listAccessibleSurveys, type Survey, type SurveyAccess } from '../repo/surveys';
import { CsvInputError, type CellError } from '../../csv/issues';
import type { ExportedResponse } from '../../csv/response-export';
import { defaultLocale, type Locale } from '../../i18n/locales';
import type { MessageParams } from '../../i18n/translate';
import type { RawAnswers } from '../../survey/answers';
import { sourceToken } from '../../survey/quotas';
import { metadataChecker } from '../../survey/response-metadata';
import { apiMessage, iso } from './api-http';
import { metadataRules, type ImportResult } from './import-service';

type Db = Kysely<Database>;

/** A survey as the API shows it in lists. */
export function surveySummary(survey: Survey & { access: SurveyAccess }) {
	return {
		id: survey.id,
		code: survey.code,
		title: survey.title,
		status: survey.status,
		access: survey.access,
		accessMode: survey.accessMode,
		responseCount: survey.responseCount,
		responseCap: survey.responseCap,
		opensAt: iso(survey.opensAt),
		closesAt: iso(survey.closesAt),
		createdAt: iso(survey.createdAt),
		updatedAt: iso(survey.updatedAt),
		publicPath: `/s/${survey.code}`
	};
}

/** Surveys the caller's user can see, newest first. */
export async function listSurveys(db: Db, caller: ApiCaller) {
	return (await listAccessibleSurveys(db, caller.user)).map(surveySummary);
}

/** One survey with its settings and current questionnaire version. */
export async function surveyDetail(db: Db, survey: Survey & { access: SurveyAccess }) {
	const version = survey.currentVersionId ? await findVersion(db, survey.currentVersionId) : undefined;
	return {
		...surveySummary(survey),
		settings: survey.settings,
		quotas: (await listQuotas(db, survey.id)).map((q) => ({ source: sourceToken(q), option: q.option, limit: q.limit, filled: q.filled })),
		currentVersion: version ? { id: version.id, number: version.number, definition: version.definition } : null
	};
}

export function responseJson(r: ExportedResponse) {
	return {
		id: r.id,
		version: r.versionNumber,
		language: r.language,
		channel: r.channel,
		source: r.source,
		submittedAt: iso(r.submittedAt),
		durationMs: r.durationMs,
		answers: r.answers
	};
}

/** A page of responses after the cursor, and the cursor of the next page (null on the last). */
export async function listResponses(db: Db, surveyId: string, after: Parameters<typeof responsesPage>[2], limit: number) {
	// One extra row tells whether another page follows without a count query.
	const rows = await responsesPage(db, surveyId, after, limit + 1);
	const page = rows.slice(0, limit);
	const last = page.at(-1);
	return { responses: page, next: rows.length > limit && last ? { submittedAt: last.submittedAt, id: last.id } : null };
}

const refusals: Record<string, [number, string]> = {
	notOpen: [409, 'The survey is not open.'],
	notYetOpen: [409, 'The survey opens later.'],
	closed: [409, 'The survey is closed.'],
	full: [409, 'The survey has reached its response cap.'],
	quotaFull: [409, 'The quota for this group of respondents is full.'],
	versionChanged: [409, 'The questionnaire changed while storing; send again.'],
	surveyChanged: [409, 'The survey was edited while storing; send again.'],
	invitationRequired: [403, 'This survey takes invitation tokens only: send "invitation".'],
	invitationInvalid: [403, 'The invitation token is not valid for this survey.'],
	invitationUsed: [409, 'The invitation token has already been used.'],
	duplicate: [409, 'This respondent has already answered.']
};

/** The body of a server-to-server submission, or 400 when it is not shaped like one. */
function submissionBody(body: unknown): { answers: RawAnswers; language: string | null; channel: string | null; invitation: string | null } {
	const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	const optional = ['language', 'channel', 'invitation'].map((field) => input[field] ?? null);
	if (typeof input.answers !== 'object' || input.answers === null || !optional.every((v) => v === null || typeof v === 'string')) {
		throw new ApiError(400, 'invalid_body', 'Send {"answers": {"<answer code>": value, …}, "language"?, "channel"?, "invitation"?}, the last three as strings.');
	}
	const [language, channel, invitation] = optional as (string | null)[];
	return { answers: input.answers as RawAnswers, language, channel, invitation };
}

/** Per-field or per-code problems as the API details them: the message key and its text in the caller's language. */
function issueDetails(issues: Record<string, { key: string; params?: MessageParams } | undefined>, locale: Locale) {
	return Object.fromEntries(Object.entries(issues).flatMap(([name, issue]) => (issue ? [[name, { key: issue.key, message: apiMessage(locale, issue.key, issue.params) }]] : [])));
}

/**
 * A server-to-server submission: the questionnaire's own validation and storing rules, source
 * "api". A channel or language the survey does not have is refused (422), never dropped.
 */
export async function createResponse(db: Db, survey: Survey, body: unknown, locale: Locale = defaultLocale) {
	const input = submissionBody(body);
	const now = Date.now();
	const metadata = metadataChecker(await metadataRules(db, survey, now))({ channel: input.channel, language: input.language });
	if (!metadata.ok) throw new ApiError(422, 'invalid_metadata', apiMessage(locale, 'data.metadata.refused'), issueDetails(metadata.errors, locale));
	const outcome = await submitResponse(db, {
		survey,
		raw: input.answers,
		language: metadata.metadata.language,
		channelCode: metadata.metadata.channel,
		invitationToken: input.invitation,
		source: 'api',
		now
	});
	if (outcome.ok) return { id: outcome.responseId, answers: outcome.answers };
	if (outcome.reason === 'invalid') {
		throw new ApiError(422, 'invalid_answers', 'Some answers are not valid; see details per answer code.', issueDetails(outcome.errors, locale));
	}
	const [status, message] = refusals[outcome.reason] ?? [409, outcome.reason];
	throw new ApiError(status, outcome.reason, message);
}

/**
 * The chunks of a web stream (request bodies, File.stream()) as an async iterable. A body cut off
 * by the server's BODY_SIZE_LIMIT becomes the import problem `data.import.tooLarge`.
 */
export async function* streamChunks(stream: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
	if (!stream) return;
	const reader = stream.getReader();
	try {
		for (;;) {
			let next: ReadableStreamReadResult<Uint8Array>;
			try {
				next = await reader.read();
			} catch (e) {
				if ((e as { status?: number }).status === 413) throw new CsvInputError({ code: 'data.import.tooLarge' });
				throw e;
			}
			if (next.done) return;
			yield next.value;
		}
	} finally {
		reader.releaseLock();
	}
}

/** Header → answer code choices from the `mapping` query parameter (a JSON object), for this import only. */
export function mappingParam(url: URL): Record<string, string> {
	const text = url.searchParams.get('mapping');
	if (!text) return {};
	try {
		const parsed = JSON.parse(text) as unknown;
		if (typeof parsed === 'object' && parsed !== null && Object.values(parsed).every((v) => typeof v === 'string')) return parsed as Record<string, string>;
	} catch {
		// falls through
	}
	throw new ApiError(400, 'invalid_parameter', 'mapping must be a JSON object of header → answer code ("" to ignore a column).');
}

/** Turns an import that stored nothing into the API's 422 answer, each problem in the caller's language. */
export function importFailure(outcome: Exclude<ImportResult, { ok: true }>, locale: Locale = defaultLocale): ApiError {
	if (outcome.kind === 'mapping') {
		return new ApiError(422, 'unknown_columns', `Columns that are no answer code: ${outcome.unknown.join(', ')}. Map them with ?mapping={"header":"CODE"} ("" ignores), or rename them.`, {
			unknown: outcome.unknown,
			header: outcome.header,
			runId: outcome.runId
		});
	}
	return new ApiError(422, 'invalid_file', `${outcome.errorCount} problem(s) found; nothing was imported.`, {
		errorCount: outcome.errorCount,
		truncated: outcome.truncated,
		errors: problemDetails(outcome.errors, locale),
		runId: outcome.runId
	});
}

/** An import's problems as the API lists them: where, what, and the reason's code and text in `locale`. */
export function problemDetails(errors: CellError[], locale: Locale) {
	return errors.map((e) => ({ row: e.row, column: e.column, value: e.value, code: e.reason.code, message: apiMessage(locale, e.reason.code, e.reason.params) }));
}
